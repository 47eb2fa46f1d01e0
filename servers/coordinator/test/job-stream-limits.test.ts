// A customer's key tries to exhaust the coordinator through the job stream: hundreds of sockets
// from one key, a socket that never reads while the job produces megabytes, and a crowd of
// sockets on one job that would each poll the database.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { WebSocket } from "ws";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  createAccount,
  eventually,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

interface Watcher {
  ws: WebSocket;
  seqs: number[];
  opened: Promise<"event" | number>;
  closed: Promise<number>;
}

describe.each(testDatabaseKinds())("job stream limits (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    h = await startHarness(kind, { streamMaxBufferedBytes: 64 * 1024 });
    provider = await createAccount(h, "provider", "stream-gpu");
    customer = await fundedCustomer(h, "streamer", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("stream-svc") });
    miner = await registerMiner(provider, { maxConcurrency: 8 });
  });
  afterAll(() => h.close());

  const newJob = () =>
    customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "Hello" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });

  /** A raw socket, as an attacker would open it; `opened` says whether it got an event or a close. */
  const watch = (jobId: string, apiKey: string): Watcher => {
    const ws = new WebSocket(`${h.url.replace("http", "ws")}/v1/jobs/${jobId}/stream`, {
      headers: { "X-API-Key": apiKey },
    });
    const seqs: number[] = [];
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    const opened = new Promise<"event" | number>((resolve) => {
      ws.on("message", (data) => {
        seqs.push((JSON.parse(String(data)) as { seq: number }).seq);
        resolve("event");
      });
      void closed.then(resolve);
    });
    ws.on("error", () => undefined);
    return { ws, seqs, opened, closed };
  };

  const progress = (jobId: string, leaseId: string, texts: string[]) =>
    provider.client.coordinator.reportJobProgress({
      path: { job_id: jobId },
      body: { lease_id: leaseId, events: texts.map((text) => ({ kind: "token", text })) },
    });

  it("closes the 33rd socket of one key with 4429; other keys and freed slots still work", async () => {
    const job = await newJob();
    // Cancelled whatever happens, so later tests' miners claim their own jobs.
    onTestFinished(async () => {
      await customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
    });
    const mine = Array.from({ length: 32 }, () => watch(job.job_id, customer.apiKey));
    expect(await Promise.all(mine.map((w) => w.opened))).toEqual(mine.map(() => "event"));
    const extra = watch(job.job_id, customer.apiKey);
    expect(await extra.opened).toBe(4429);
    // The tenant's admin is another key: not affected by the customer's sockets.
    const admin = watch(job.job_id, (await createAccount(h, "admin")).apiKey);
    expect(await admin.opened).toBe("event");
    mine[0]!.ws.close();
    await mine[0]!.closed;
    const again = watch(job.job_id, customer.apiKey);
    expect(await again.opened).toBe("event");
    for (const w of [...mine, admin, again]) w.ws.close();
    await Promise.all([...mine, admin, again].map((w) => w.closed));
    await eventually(() => h.coordinator.streamStats().sockets === 0, "sockets closed");
  });

  it("drops a socket that stops reading instead of buffering the job's output for it", async () => {
    const job = await newJob();
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);
    const slow = watch(job.job_id, customer.apiKey);
    expect(await slow.opened).toBe("event");
    const raw = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const chunk = "x".repeat(65_536);
    let pushedMb = 0;
    // Enough to fill the kernel's socket buffers several times over, then some.
    while (h.coordinator.streamStats().sockets > 0 && pushedMb < 48) {
      await progress(job.job_id, claim.lease.lease_id, Array(15).fill(chunk));
      pushedMb += 15 / 16;
      await new Promise((r) => setTimeout(r, 20));
    }
    await eventually(() => h.coordinator.streamStats().sockets === 0, "the slow socket dropped");
    raw.resume();
    expect(await slow.closed).not.toBe(1000);
  }, 60_000);

  it("serves 20 sockets on one job with one database read per wake-up, not one per socket", async () => {
    await miner.heartbeat([]);
    const job = await newJob();
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);
    const crowd = Array.from({ length: 20 }, () => watch(job.job_id, customer.apiKey));
    await Promise.all(crowd.map((w) => w.opened));
    await eventually(() => crowd.every((w) => w.seqs.at(-1) === 2), "the backlog");
    let reads = 0;
    const count = (q: { sql: string }) => {
      if (/^select/i.test(q.sql) && q.sql.includes("job_events")) reads++;
    };
    h.db().on("query", count);
    const wakes = 5;
    for (let i = 0; i < wakes; i++) {
      await progress(job.job_id, claim.lease.lease_id, [`token ${i}`]);
      const want = i === 0 ? 4 : 4 + i; // the first report also adds the "running" status
      await eventually(() => crowd.every((w) => w.seqs.at(-1) === want), `event ${want}`);
    }
    h.db().off("query", count);
    expect(reads).toBeLessThanOrEqual(wakes * 2 + 2);
    expect(h.coordinator.streamStats().feeds).toBe(1);
    for (const w of crowd) w.ws.close();
    await Promise.all(crowd.map((w) => w.closed));
    await eventually(() => h.coordinator.streamStats().feeds === 0, "the feed stopped");
  });
});
