// The miner as a long-running service: killed outright mid-job (kill -9: the lease expires and
// another miner finishes, paid once), stopped gracefully (the job in hand finishes; past the grace
// period it is released to another miner: miner-release.test.ts), and a coordinator that goes
// away and comes back.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyReceipt, type JobEvent, type Receipt } from "@aitbc/sdk";
import { killableChild } from "@aitbc/server-lib/testing";
import { createLogger } from "../src/index.js";
import {
  eventually,
  followJob,
  startStack,
  submitJob,
  type Stack,
} from "./support/stack-harness.js";

const mainJs = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const isToken = (e: JobEvent) =>
  e.type === "progress" && (e.data as { kind: string }).kind === "token";

// The miner keeps no database; the coordinator's storage is exercised on SQLite and PostgreSQL by
// the job-flow and Ollama-path suites (and the coordinator's own). These slower scenarios (TTLs,
// lease expiries) test the miner's behaviour, so they run once, on SQLite, to keep the suite lean.
describe.each(["sqlite"] as const)("miner resilience (%s)", (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(kind);
  });
  afterAll(() => stack?.close());

  it("survives kill -9 mid-job: the lease expires, another miner finishes, one payment", async () => {
    const dataDir = await stack.dataDir();
    let log = "";
    const victim = killableChild({
      args: [
        mainJs,
        "--coordinator",
        stack.url,
        "--executor",
        "llamacpp",
        "--threads",
        "1",
        "--name",
        "victim",
      ],
      env: () => ({
        AITBC_API_KEY: stack.provider.apiKey,
        AITBC_MINER_DATA_DIR: dataDir,
        AITBC_LOG_LEVEL: "info",
      }),
      stdio: ["ignore", "ignore", "pipe"],
      ready: async (child) => {
        child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
        const exited = new Promise((resolve) => child.once("exit", resolve));
        await eventually(() => log.includes("concurrency: 1"), "the child miner to start", 30_000);
        return { child, exited };
      },
    });
    const { child, exited } = await victim.start();
    try {
      expect(log).toContain("serves: aitbc-tiny:latest [random-weight test model]");

      const job = await submitJob(stack, { maxTokens: 1500, budget: 5 });
      let killed = false;
      const follow = followJob(stack, job.job_id, (event) => {
        if (isToken(event) && !killed) {
          killed = true;
          void victim.kill9();
        }
      });
      await exited;
      expect(child.signalCode).toBe("SIGKILL");
      const victimId = /miner ([0-9a-f]{32}|[a-z0-9-]+),/.exec(log)?.[1];

      // Another miner of the same provider picks the job up once the dead miner's lease expires.
      const rescuer = await stack.miner({ name: "rescuer" });
      const events = await follow.events;
      const result = events.at(-1)!.data as {
        status: string;
        receipt: Receipt;
        output: { text: string };
      };
      expect(result.status).toBe("completed");
      expect(result.receipt.miner_id).toBe(rescuer.minerId);
      expect(result.receipt.miner_id).not.toBe(victimId);
      expect(verifyReceipt(result.receipt, { providerKeys: [rescuer.publicKey] }).valid).toBe(true);
      await eventually(
        () => stack.settlement.payments.some((p) => p.jobId === job.job_id),
        "settlement",
      );
      expect(stack.settlement.payments.filter((p) => p.jobId === job.job_id)).toHaveLength(1);
      // The result reaches the customer before the coordinator's answer reaches the miner.
      await eventually(() => rescuer.stats().completed === 1, "the rescuer to count the job");
      await rescuer.close();
    } finally {
      await victim.kill9();
    }
  });

  it("on a graceful stop finishes the job in hand before it exits", async () => {
    const miner = await stack.miner({ name: "graceful" });
    const job = await submitJob(stack, { maxTokens: 1500 });
    let closing: Promise<void> | undefined;
    const follow = followJob(stack, job.job_id, (event) => {
      if (isToken(event)) closing ??= miner.close();
    });
    const events = await follow.events;
    await closing;
    expect(events.at(-1)).toMatchObject({ type: "result", data: { status: "completed" } });
    expect(miner.stats()).toMatchObject({ completed: 1, abandoned: 0 });
    expect(miner.activeJobIds()).toEqual([]);
  });

  it("keeps running while the coordinator is away and works again when it is back", async () => {
    const lines: string[] = [];
    const miner = await stack.miner({
      name: "patient",
      logger: createLogger("info", (line) => lines.push(line)),
    });
    await stack.stopCoordinator();
    await eventually(
      () => lines.some((l) => /claim failed|heartbeat failed/.test(l)),
      "the miner to notice the coordinator is gone",
    );
    await stack.restartCoordinator();
    const job = await submitJob(stack, { maxTokens: 16 });
    const events = await followJob(stack, job.job_id).events;
    expect(events.at(-1)).toMatchObject({ type: "result", data: { status: "completed" } });
    await eventually(() => miner.stats().completed === 1, "the miner to count the job");
    await miner.close();
  });
});
