// One reader per streamed job, shared by every socket on it: a wake-up (the job's signal or the
// recheck timer) costs one read of the stored events however many sockets watch the job, so a
// crowd of subscribers cannot multiply the database load.
import type { JobEventRecord, JobEventStore } from "../domain/jobs/job-store.js";
import type { SignalBus } from "../domain/events/signal-bus.js";

const BATCH = 500;

export interface FeedSubscriber {
  /** The last seq this subscriber has; the feed only hands it later events. */
  sent: number;
  /** Gets events after `sent`, in order; it advances `sent` itself (or leaves the feed). */
  deliver(events: readonly JobEventRecord[]): void;
  /** The shared read failed: the subscriber ends its socket. */
  fail(err: unknown): void;
}

interface Feed {
  subscribers: Set<FeedSubscriber>;
  reading: boolean;
  again: boolean;
  stop(): void;
}

export class JobStreamFeeds {
  private readonly feeds = new Map<string, Feed>();

  constructor(
    private readonly deps: { events: JobEventStore; bus: SignalBus; recheckMs: number },
  ) {}

  /** Adds a subscriber to the job's feed (starting it if needed) and reads its backlog. */
  join(jobId: string, subscriber: FeedSubscriber): () => void {
    let feed = this.feeds.get(jobId);
    if (!feed) feed = this.start(jobId);
    feed.subscribers.add(subscriber);
    void this.read(jobId, feed);
    return () => this.leave(jobId, subscriber);
  }

  /** Feeds running now (one per job with at least one subscriber). */
  get size(): number {
    return this.feeds.size;
  }

  private start(jobId: string): Feed {
    const wake = () => {
      const feed = this.feeds.get(jobId);
      if (feed) void this.read(jobId, feed);
    };
    const off = this.deps.bus.on("job", jobId, wake);
    const timer = setInterval(wake, this.deps.recheckMs);
    timer.unref();
    const feed: Feed = {
      subscribers: new Set(),
      reading: false,
      again: false,
      stop() {
        off();
        clearInterval(timer);
      },
    };
    this.feeds.set(jobId, feed);
    return feed;
  }

  private leave(jobId: string, subscriber: FeedSubscriber): void {
    const feed = this.feeds.get(jobId);
    if (!feed) return;
    feed.subscribers.delete(subscriber);
    if (feed.subscribers.size === 0) {
      feed.stop();
      this.feeds.delete(jobId);
    }
  }

  private async read(jobId: string, feed: Feed): Promise<void> {
    if (feed.reading) {
      feed.again = true;
      return;
    }
    feed.reading = true;
    try {
      for (;;) {
        feed.again = false;
        if (feed.subscribers.size === 0) return;
        let from = Infinity;
        for (const s of feed.subscribers) from = Math.min(from, s.sent);
        const batch = await this.deps.events.after(jobId, from, BATCH);
        for (const s of [...feed.subscribers]) {
          const mine = batch.filter((e) => e.seq > s.sent);
          if (mine.length) s.deliver(mine);
        }
        if (batch.length === BATCH || feed.again) continue;
        return;
      }
    } catch (err) {
      for (const s of [...feed.subscribers]) s.fail(err);
    } finally {
      feed.reading = false;
    }
  }
}
