// A miner that stops with a job unfinished hands it back (releaseJob) instead of sitting on its
// lease: another miner finishes it at once. The leases here last 10 minutes, so a job finished
// within the test was released, not requeued by a lease expiry. A release that cannot get
// through gives up quickly, and the lease lapses as it would for a miner that died.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyReceipt, type JobEvent, type Receipt } from "@aitbc/sdk";
import { createLogger, TINY_MODEL_LABEL, TINY_MODEL_NAME } from "../src/index.js";
import { createCoordinatorLink, type CoordinatorLink } from "../src/agent/coordinator-link.js";
import { releaseJob } from "../src/agent/release-job.js";
import {
  eventually,
  followJob,
  startStack,
  submitJob,
  tokenText,
  type Stack,
} from "./support/stack-harness.js";
import { slowGpuExecutor } from "./support/slow-gpu-executor.js";

const LEASE_TTL_S = 600;
const isToken = (e: JobEvent) =>
  e.type === "progress" && (e.data as { kind: string }).kind === "token";

// Like the other slow scenarios, once, on SQLite: the coordinator's release is tested on both
// databases by its own suite; this is about the miner's behaviour.
describe.each(["sqlite"] as const)("miner release on shutdown (%s)", (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(kind, { config: { leaseTtlS: LEASE_TTL_S } });
  });
  afterAll(() => stack?.close());

  it("stopped past its grace period mid-job, it releases the job and a second miner completes it long before the lease would end, paid once", async () => {
    const model = {
      name: TINY_MODEL_NAME,
      digest: "sha256:" + "7".repeat(64),
      label: TINY_MODEL_LABEL,
    };
    const lines: string[] = [];
    const slow = await stack.miner({
      name: "slow",
      executor: slowGpuExecutor(model, 25),
      shutdownGraceMs: 200,
      logger: createLogger("info", (line) => lines.push(line)),
    });
    const job = await submitJob(stack, { maxTokens: 2000 });
    let tokenSeen!: () => void;
    const running = new Promise<void>((resolve) => (tokenSeen = resolve));
    const follow = followJob(stack, job.job_id, (event) => {
      if (isToken(event)) tokenSeen();
    });
    await running;
    // 2000 tokens at 25 ms would take 50 s; the grace period is 200 ms.
    await slow.close();
    expect(slow.stats()).toEqual({ completed: 0, failed: 0, released: 1, abandoned: 0 });
    expect(lines.some((l) => l.includes("job released") && l.includes(job.job_id))).toBe(true);
    const afterRelease = await stack.customer.client.coordinator.getJobStatus({
      path: { job_id: job.job_id },
    });
    // Back in the queue, and the released lease was not counted as an attempt.
    expect(afterRelease).toMatchObject({ status: "queued", miner_id: null, attempts: 0 });

    const rescuer = await stack.miner({ name: "after-release" });
    const events = await follow.events;
    const result = events.at(-1)!.data as { status: string; receipt: Receipt };
    expect(result.status).toBe("completed");
    expect(result.receipt.miner_id).toBe(rescuer.minerId);
    expect(verifyReceipt(result.receipt, { providerKeys: [rescuer.publicKey] }).valid).toBe(true);

    const statuses = events.filter((e) => e.type === "status").map((e) => e.data);
    expect(statuses).toEqual([
      { status: "queued" },
      { status: "assigned", miner_id: slow.minerId },
      { status: "running" },
      { status: "queued", reason: "released" },
      { status: "assigned", miner_id: rescuer.minerId },
      { status: "running" },
      { status: "completed" },
    ]);
    // The slow miner's lease (renewed by its heartbeats) had minutes left when the rescuer finished.
    const firstAssigned = events.find((e) => e.type === "status" && e.data.status === "assigned")!;
    const leaseEndAtLeast = Date.parse(firstAssigned.at) + LEASE_TTL_S * 1000;
    expect(Date.parse(events.at(-1)!.at)).toBeLessThan(leaseEndAtLeast - 60_000);
    // The slow miner's partial tokens came before the release; the rescuer's whole run after it.
    expect(tokenText(events).length).toBeGreaterThan(0);

    await eventually(
      () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
      "the settlement",
    );
    const payments = stack.settlement.payments.filter((p) => p.jobId === job.job_id);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.paid).toBe(BigInt(result.receipt.cost));
    await eventually(() => rescuer.stats().completed === 1, "the rescuer to count the job");
    await rescuer.close();
  });
});

describe("releaseJob (best effort)", () => {
  const held = { jobId: "0123456789abcdef0123456789abcdef", leaseId: "f".repeat(32) };

  it("gives up on a coordinator that does not answer, within its timeout", async () => {
    const lines: string[] = [];
    const hanging = {
      release: (_job: string, _lease: string, _reason: string, signal?: AbortSignal) =>
        new Promise((_, reject) =>
          signal?.addEventListener("abort", () => reject(signal.reason as Error)),
        ),
    } as unknown as CoordinatorLink;
    const released = await releaseJob(
      hanging,
      held,
      "test",
      createLogger("info", (line) => lines.push(line)),
      100,
    );
    expect(released).toBe(false);
    expect(lines.some((l) => l.includes("its lease will lapse"))).toBe(true);
  });

  it("gives up on a coordinator that is not there (connection refused), through the real SDK", async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const link = createCoordinatorLink(`http://127.0.0.1:${port}`, "a".repeat(40));
    const released = await releaseJob(
      link,
      held,
      "test",
      createLogger("info", (line) => lines.push(line)),
      2_000,
    );
    expect(released).toBe(false);
    expect(lines.some((l) => l.includes("network_error"))).toBe(true);
  });
});

/** A port on which nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
