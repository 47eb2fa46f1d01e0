// The scenario level in CI: the whole stack (3 validators, wallet, coordinator, exchange,
// miner on the offline model) on free ports in a temp data dir, the user's end-to-end scenario against it with
// no failure and no skip, and the contract level with its WebSocket channel checks against the same
// stack. Then the stack is stopped and started again on the same data dir, and the scenario runs
// again: its first case reads back everything the first run recorded in the data dir (job,
// receipt, settlement, balances, reviews) and must find all of it. The stack and the first run
// belong to the file, so every test can run alone and in any order; a test that changes the
// record puts it back.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack, type RunningStack } from "@aitbc/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs, type Level } from "../src/config/cli-options.js";
import { Reporter } from "../src/report/reporter.js";
import { runConformance } from "../src/run-conformance.js";
import { previousRunKept } from "../src/scenario/cases/p0-previous-run-kept.js";
import type { ScenarioCase } from "../src/scenario/scenario-case.js";
import { RECORD_FILE_NAME, type ScenarioRecord } from "../src/scenario/scenario-record.js";

const dataDir = mkdtempSync(join(tmpdir(), "aitbc-conformance-stack-"));
let stack: RunningStack | undefined;
let firstRun: Awaited<ReturnType<typeof run>>;

function start(): Promise<RunningStack> {
  return startStack({
    dataDir,
    ports: "free",
    logLevel: "warn",
    env: { ...process.env, AITBC_LOG_LEVEL: "warn" },
  });
}

async function run(level: Level, cases?: readonly ScenarioCase[]) {
  const lines: string[] = [];
  const reporter = new Reporter((line) => lines.push(line));
  await runConformance(parseArgs(["--level", level, "--stack-dir", dataDir], {}), {
    reporter,
    cases,
  });
  const not = (outcome: string) =>
    reporter.results
      .filter((r) => r.outcome === outcome)
      .map((r) => `${r.scope} ${r.subject} → ${r.detail}`);
  return { reporter, lines, failed: not("FAIL"), skipped: not("SKIP") };
}

beforeAll(async () => {
  stack = await start();
  firstRun = await run("scenario");
}, 400_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("the scenario level against a freshly started stack", () => {
  it("passes with no failure and no skip, and records the run", () => {
    const { reporter, lines, failed, skipped } = firstRun;
    expect(failed).toEqual([]);
    expect(skipped).toEqual([]);
    expect(lines).toContain(
      `— 0 What the previous run recorded is all still there (after a restart): does not apply (no earlier run recorded in ${join(dataDir, RECORD_FILE_NAME)})`,
    );
    const cases = new Set(reporter.results.map((r) => r.scope));
    for (const id of ["1.1", "3.2a", "3.4", "3.4b", "4.1", "4.1b", "4.2", "4.4", "4.5", "9"])
      expect(cases).toContain(id);
    expect(existsSync(join(dataDir, RECORD_FILE_NAME))).toBe(true);
  });

  it("the contract level passes against the same stack, WebSocket channels included", async () => {
    const { reporter, failed, skipped } = await run("contract");
    expect(failed).toEqual([]);
    // Only the validators' gossip channel, which no client can join, is not checked.
    expect(skipped).toEqual([
      "p2p WS /p2p (p2p) → gossip between validators (hello handshake with the genesis); not a client channel",
    ]);
    const channels = reporter.results
      .filter((r) => r.subject.startsWith("WS ") && r.outcome === "PASS")
      .map((r) => r.subject.replace(/job [0-9a-f]{32}/, "job …"));
    expect(channels).toEqual([
      "WS /v1/jobs/{job_id}/stream (jobStream) [no key]",
      "WS /v1/jobs/{job_id}/stream (jobStream) [a job that does not exist]",
      "WS /v1/jobs/{job_id}/stream (jobStream) [last_seq breaking its schema]",
      "WS /v1/jobs/{job_id}/stream (jobStream) [job …, completed, from last_seq 0]",
      "WS /api/v1/ws (clientFeed)",
    ]);
  }, 120_000);

  it("passes again after a restart on the same data dir, and nothing recorded before is lost", async () => {
    await stack?.stop();
    stack = undefined;
    stack = await start();
    const { reporter, failed, skipped } = await run("scenario");
    expect(failed).toEqual([]);
    expect(skipped).toEqual([]);
    const kept = reporter.results
      .filter((r) => r.scope === "0" && r.subject.startsWith("then "))
      .map((r) => `${r.outcome} ${r.subject.replace(/job [0-9a-f]{32}/, "job …")}`);
    expect(kept).toEqual([
      "PASS then the job … is still completed",
      "PASS then its results carry the same receipt",
      "PASS then the receipt is still listed with the same hash",
      "PASS then the payment is still settled by the same transaction",
      "PASS then the customer's balance is exactly what it was",
      "PASS then the provider lost no money and no reviews",
      "PASS then all 3 nodes still have the settlement in the same block",
    ]);
  }, 300_000);

  it("and the check after a restart fails when the record does not match what is there", async () => {
    const file = join(dataDir, RECORD_FILE_NAME);
    const recorded = readFileSync(file, "utf8");
    const record = JSON.parse(recorded) as ScenarioRecord;
    record.customer.balance_micro = String(BigInt(record.customer.balance_micro) + 1n);
    record.job.receipt_hash = "sha256:" + "0".repeat(64);
    writeFileSync(file, JSON.stringify(record));
    try {
      const { failed } = await run("scenario", [previousRunKept]);
      expect(failed.map((f) => f.replace(/ → .*/, ""))).toEqual([
        "0 then its results carry the same receipt",
        "0 then the receipt is still listed with the same hash",
        "0 then the customer's balance is exactly what it was",
      ]);
    } finally {
      writeFileSync(file, recorded);
    }
  }, 60_000);
});
