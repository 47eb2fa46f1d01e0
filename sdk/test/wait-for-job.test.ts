// client.waitForJob against a scripted coordinator on port 0, reading the results without the job
// stream (the stream path runs against the real coordinator in e2e/): it returns once the job has finished (or, with
// `until: "settled"`, once its payment is final), gives up with typed errors on its timeout or
// its AbortSignal while the job goes on, and rejects bad arguments before sending anything.
import { afterEach, describe, expect, it } from "vitest";
import { createAitbcClient } from "../src/client.js";
import {
  AitbcError,
  JobWaitAbortedError,
  JobWaitTimeoutError,
  NotFoundError,
} from "../src/errors.js";
import { problem, reply, startLocalServer, type LocalServer } from "./local-server.js";

const JOB_ID = "707c75d0910e49e2965196bce0127ba1";

function results(status: string, payment: "locked" | "settled" | "refunded" = "locked") {
  const done = status === "completed";
  return {
    job_id: JOB_ID,
    status,
    result: done
      ? {
          output: { text: "hi", finish_reason: "stop" },
          metering: { duration_ms: 10, tokens_in: 1, tokens_out: 1 },
          model: "aitbc-tiny:latest",
          miner_id: "m-1",
        }
      : null,
    receipt: null,
    receipt_hash: null,
    payment: {
      status: payment,
      funding: "escrow",
      amount: 5,
      paid: done ? 1 : null,
      refund: done ? 4 : null,
      lock_tx_hash: null,
      tx_hash: payment === "locked" ? null : "0x" + "ab".repeat(32),
      batch_id: null,
    },
    failure: null,
  };
}

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function coordinator(answers: Parameters<typeof startLocalServer>[0]) {
  const server = await startLocalServer(answers);
  servers.push(server);
  const client = createAitbcClient({
    coordinatorUrl: server.url,
    apiKey: "customer-key",
    http: { retries: 0 },
  });
  return { server, client };
}

const fast = { pollIntervalMs: 20, stream: false };

describe("client.waitForJob", () => {
  it("returns the results once the job has finished, not before", async () => {
    const { server, client } = await coordinator([
      reply(200, results("queued")),
      reply(200, results("running")),
      reply(200, results("completed")),
    ]);
    const done = await client.waitForJob(JOB_ID, fast);
    expect(done.status).toBe("completed");
    expect(done.result?.output.text).toBe("hi");
    const reads = server.received.filter((r) => r.url === `/v1/jobs/${JOB_ID}/results`);
    expect(reads).toHaveLength(3);
    expect(reads[0]!.headers["x-api-key"]).toBe("customer-key");
  });

  it("with until: settled, also waits for the payment to be final on chain", async () => {
    const { client } = await coordinator([
      reply(200, results("completed", "locked")),
      reply(200, results("completed", "locked")),
      reply(200, results("completed", "settled")),
    ]);
    const done = await client.waitForJob(JOB_ID, { ...fast, until: "settled" });
    expect(done.payment.status).toBe("settled");
    expect(done.payment.tx_hash).toMatch(/^0x/);
  });

  it("treats failed, expired and cancelled jobs as finished (the caller reads `status`)", async () => {
    for (const status of ["failed", "expired", "cancelled"]) {
      const { client } = await coordinator(reply(200, results(status, "refunded")));
      expect((await client.waitForJob(JOB_ID, fast)).status).toBe(status);
    }
  });

  it("gives up after timeoutMs with JobWaitTimeoutError naming the job and its last status", async () => {
    const { client } = await coordinator(reply(200, results("running")));
    const started = Date.now();
    const err = await client.waitForJob(JOB_ID, { ...fast, timeoutMs: 150 }).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err).toBeInstanceOf(JobWaitTimeoutError);
    expect(err).toBeInstanceOf(AitbcError);
    expect(err).toMatchObject({ code: "wait_timeout", jobId: JOB_ID, lastStatus: "running" });
  });

  it("times out even while a request hangs", async () => {
    const { client } = await coordinator(() => undefined);
    const err = await client.waitForJob(JOB_ID, { ...fast, timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(JobWaitTimeoutError);
    expect(err.lastStatus).toBeUndefined();
  });

  it("stops on its AbortSignal with JobWaitAbortedError, carrying the signal's reason", async () => {
    const { client } = await coordinator(reply(200, results("queued")));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 80);
    const err = await client
      .waitForJob(JOB_ID, { ...fast, signal: controller.signal })
      .catch((e) => e);
    expect(err).toBeInstanceOf(JobWaitAbortedError);
    expect(err).toMatchObject({ code: "wait_aborted", jobId: JOB_ID, lastStatus: "queued" });
    expect((err.cause as Error).message).toBe("user left");
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { server, client } = await coordinator(reply(200, results("queued")));
    const err = await client.waitForJob(JOB_ID, { signal: AbortSignal.abort() }).catch((e) => e);
    expect(err).toBeInstanceOf(JobWaitAbortedError);
    expect(server.received).toHaveLength(0);
  });

  it("passes the coordinator's refusal through as its typed error", async () => {
    const { client } = await coordinator(reply(404, problem(404, "not_found")));
    await expect(client.waitForJob(JOB_ID, fast)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rejects bad arguments, naming them, before sending anything", async () => {
    const { server, client } = await coordinator(reply(200, results("queued")));
    await expect(client.waitForJob("", fast)).rejects.toThrow(/jobId/);
    await expect(client.waitForJob(JOB_ID, { timeoutMs: -1 })).rejects.toThrow(/timeoutMs/);
    await expect(client.waitForJob(JOB_ID, { timeoutMs: Number.NaN })).rejects.toThrow(/timeoutMs/);
    await expect(client.waitForJob(JOB_ID, { pollIntervalMs: 0 })).rejects.toThrow(
      /pollIntervalMs/,
    );
    await expect(
      client.waitForJob(JOB_ID, { until: "paid" as unknown as "settled" }),
    ).rejects.toThrow(/until/);
    expect(server.received).toHaveLength(0);
  });
});
