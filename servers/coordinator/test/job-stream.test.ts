// The live job stream (ws://…/v1/jobs/{job_id}/stream) through the SDK's stream client: ordered
// events with sequence numbers, resume from last_seq, reconnect across a coordinator restart,
// and refusals as typed errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  AuthenticationError,
  NotFoundError,
  streamJobEvents,
  type JobEvent,
  type WebSocketLike,
} from "@aitbc/sdk";
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

describe.each(testDatabaseKinds())("job stream (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  const newJob = async () =>
    customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "Hello AITBC" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });

  const runJob = async (jobId: string) => {
    const claim = (await miner.claim(5))!;
    expect(claim.job.job_id).toBe(jobId);
    await provider.client.coordinator.reportJobProgress({
      path: { job_id: jobId },
      body: {
        lease_id: claim.lease.lease_id,
        events: [
          { kind: "token", text: "Hello" },
          { kind: "token", text: " world" },
        ],
      },
    });
    return miner.complete(claim, "Hello world", 1500);
  };

  const collect = async (stream: AsyncIterable<JobEvent>) => {
    const out: JobEvent[] = [];
    for await (const e of stream) out.push(e);
    return out;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    customer = await fundedCustomer(h, "customer-123", 100);
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    miner = await registerMiner(provider);
  });
  afterAll(() => h.close());

  it("streams status, progress and the result in seq order, then ends", async () => {
    const job = await newJob();
    const events = collect(streamJobEvents(job.job_id, { client: customer.client }));
    const done = await runJob(job.job_id);
    const got = await events;
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(got.map((e) => [e.type, e.type === "progress" ? e.data.text : e.data.status])).toEqual([
      ["status", "queued"],
      ["status", "assigned"],
      ["status", "running"],
      ["progress", "Hello"],
      ["progress", " world"],
      ["status", "completed"],
      ["result", "completed"],
    ]);
    const result = got[6]!;
    expect(result.type === "result" && result.data.receipt).toEqual(done.receipt);
    expect(result.type === "result" && result.data.output?.text).toBe("Hello world");
    expect(got.every((e) => e.job_id === job.job_id && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it("resumes after last_seq: a reconnecting client misses nothing and gets nothing twice", async () => {
    const job = await newJob();
    await runJob(job.job_id);
    const rest = await collect(
      streamJobEvents(job.job_id, { client: customer.client, lastSeq: 3 }),
    );
    expect(rest.map((e) => e.seq)).toEqual([4, 5, 6, 7]);
    const none = await collect(
      streamJobEvents(job.job_id, { client: customer.client, lastSeq: 7 }),
    );
    expect(none).toEqual([]);
  });

  it("reconnects across a coordinator restart and continues from the last seq", async () => {
    const job = await newJob();
    const stream = streamJobEvents(job.job_id, { client: customer.client, reconnectDelayMs: 50 });
    const got: JobEvent[] = [];
    const reading = (async () => {
      for await (const e of stream) got.push(e);
    })();
    await eventually(() => got.length >= 1, "the first event");
    await h.restart();
    await runJob(job.job_id);
    await reading;
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("takes the key from the api_key query parameter (browsers)", async () => {
    const job = await newJob();
    const browserLike = (url: string): WebSocketLike => {
      const u = new URL(url);
      u.searchParams.set("api_key", customer.apiKey);
      return new WebSocket(u) as unknown as WebSocketLike;
    };
    const events = collect(
      streamJobEvents(job.job_id, { coordinatorUrl: h.url, webSocket: browserLike }),
    );
    await runJob(job.job_id);
    expect((await events).at(-1)?.type).toBe("result");
  });

  it("refuses a missing key (401), another customer and an unknown job (404) as typed errors", async () => {
    const job = await newJob();
    const stranger = await createAccount(h, "customer");
    await expect(
      collect(streamJobEvents(job.job_id, { coordinatorUrl: h.url })),
    ).rejects.toBeInstanceOf(AuthenticationError);
    await expect(
      collect(streamJobEvents(job.job_id, { client: stranger.client })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      collect(streamJobEvents("0123456789abcdef0123456789abcdef", { client: customer.client })),
    ).rejects.toBeInstanceOf(NotFoundError);
    // The provider runs the job but the stream is the customer's.
    await expect(
      collect(streamJobEvents(job.job_id, { client: provider.client })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await customer.client.coordinator.cancelJob({ path: { job_id: job.job_id } });
    const adminView = await collect(streamJobEvents(job.job_id, { client: h.admin }));
    expect(adminView.map((e) => e.type)).toEqual(["status", "status", "result"]);
  });
});
