// ws://…/v1/jobs/{job_id}/stream: the job's stored events after `last_seq`, then live ones, in seq
// order, ending with the result event. The job's feed re-reads the stored events whenever the job
// signals (in-process or over LISTEN/NOTIFY) and every few seconds, so nothing is missed even if a
// signal is; one read serves every socket on the job. Refusals close the socket with 4000 + the
// HTTP status and the problem code, because browsers cannot read the status of a refused upgrade.
// An API key holds at most `socketsPerKey` sockets (one more is 4429), and a socket that leaves
// more than `maxBufferedBytes` unread is cut off: it resumes with last_seq when it can keep up.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { readUpgradeApiKey, type Logger } from "@aitbc/server-lib";
import type { JobStore, JobEventRecord, JobEventStore } from "../domain/jobs/job-store.js";
import type { SignalBus } from "../domain/events/signal-bus.js";
import { actsForCustomer } from "../domain/accounts/caller.js";
import type { Authenticator } from "./auth.js";
import { JobStreamFeeds } from "./job-stream-feed.js";

const PATH = /^\/v1\/jobs\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\/stream$/;
const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);
const UNDECIDED_DISPUTE = new Set(["open", "rerunning"]);

/** After the result, a dispute may follow: the stream ends with the result or a decided dispute. */
function endsStream(e: JobEventRecord): boolean {
  if (e.type === "result") return true;
  return e.type === "dispute" && !UNDECIDED_DISPUTE.has(String(e.data.status));
}

export interface JobStreamServer {
  /** Closes every subscription with 1001 (going away); clients resume elsewhere. */
  close(): void;
  /** Open sockets and running job feeds (for operators and tests). */
  stats(): { sockets: number; feeds: number };
}

export function attachJobStream(
  server: Server,
  deps: {
    auth: Authenticator;
    jobs: JobStore;
    events: JobEventStore;
    bus: SignalBus;
    logger: Logger;
    /** Without a wake-up signal, a job's feed looks for new events this often. */
    recheckMs: number;
    socketsPerKey: number;
    maxBufferedBytes: number;
  },
): JobStreamServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const feeds = new JobStreamFeeds(deps);
  const perKey = new Map<string, number>();
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://x");
    const match = PATH.exec(url.pathname);
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      ws.on("error", () => undefined);
      void subscribe(ws, req, match[1]!, url).catch((err) => {
        deps.logger.error({ err }, "job stream failed");
        refuse(ws, 500, "internal_error");
      });
    });
  };
  server.on("upgrade", onUpgrade);

  async function subscribe(ws: WebSocket, req: IncomingMessage, jobId: string, url: URL) {
    const lastSeqText = url.searchParams.get("last_seq");
    if (lastSeqText !== null && !/^\d{1,9}$/.test(lastSeqText))
      return refuse(ws, 400, "validation_failed");
    const caller = await deps.auth.resolve(readUpgradeApiKey(req));
    if (!caller) return refuse(ws, 401, "unauthorized");
    // Counted before any other await, so a burst of upgrades cannot slip past the cap.
    const key = caller.apiKey;
    const held = perKey.get(key) ?? 0;
    if (held >= deps.socketsPerKey) return refuse(ws, 429, "rate_limited");
    perKey.set(key, held + 1);
    const feed: { leave?: () => void } = {};
    let closed = false;
    const release = () => {
      if (closed) return;
      closed = true;
      feed.leave?.();
      const n = (perKey.get(key) ?? 1) - 1;
      if (n > 0) perKey.set(key, n);
      else perKey.delete(key);
    };
    ws.on("close", release);
    if (ws.readyState !== ws.OPEN) return release();

    const job = await deps.jobs.byId(jobId);
    if (!job || job.status === "pending" || !actsForCustomer(caller, job)) {
      release();
      return refuse(ws, 404, "not_found");
    }
    if (closed) return;
    // A cursor past the job's last event cannot be one the client saw; it starts at the end.
    const sent = Math.min(lastSeqText === null ? 0 : Number(lastSeqText), job.lastSeq);
    // Already past the end (a resume after the result): nothing more will come.
    if (
      TERMINAL.has(job.status) &&
      sent >= job.lastSeq &&
      !(await undecidedDisputeLast(deps.events, jobId, job.lastSeq))
    ) {
      release();
      return ws.close(1000, "no more events");
    }
    const finish = (code: number, reason: string) => {
      release();
      ws.close(code, reason);
    };
    const subscriber = {
      sent,
      deliver(events: readonly JobEventRecord[]) {
        for (const [i, e] of events.entries()) {
          if (closed) return;
          // A close frame would queue behind the unread bytes: cut the connection instead.
          if (ws.bufferedAmount > deps.maxBufferedBytes) {
            release();
            return ws.terminate();
          }
          ws.send(JSON.stringify(e));
          subscriber.sent = e.seq;
          // A dispute event right behind the result (a replay) keeps the socket open for it.
          if (endsStream(e) && i === events.length - 1)
            return finish(1000, e.type === "result" ? "result sent" : "dispute decided");
        }
      },
      fail(err: unknown) {
        deps.logger.error({ err, job_id: jobId }, "job stream read failed");
        finish(1011, "internal error");
      },
    };
    feed.leave = feeds.join(jobId, subscriber);
  }

  function refuse(ws: WebSocket, status: number, code: string) {
    ws.close(4000 + status, code);
  }

  const sockets = new Set<WebSocket>();
  return {
    close() {
      server.off("upgrade", onUpgrade);
      for (const ws of sockets) ws.close(1001, "server shutting down");
      wss.close();
    },
    stats: () => ({ sockets: sockets.size, feeds: feeds.size }),
  };
}

/** Whether the job's last stored event is a dispute still being decided. */
async function undecidedDisputeLast(
  events: JobEventStore,
  jobId: string,
  lastSeq: number,
): Promise<boolean> {
  const [last] = await events.after(jobId, lastSeq - 1, 1);
  return last?.type === "dispute" && UNDECIDED_DISPUTE.has(String(last.data.status));
}
