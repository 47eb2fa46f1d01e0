// examples/full-scenario.ts against a real stack on free ports: all eight phases of the
// provider's and customer's scenario must pass, including exact balances, propagation and the ledger invariant.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startStack, type RunningStack } from "@aitbc/stack";
import { runFullScenario } from "../full-scenario.js";
import { contextFrom } from "../phases/context.js";
import { consoleReporter } from "../phases/report.js";
import { PROVIDER_BOND } from "../phases/provider-setup.js";

const dataDir = mkdtempSync(join(tmpdir(), "aitbc-examples-e2e-"));
let stack: RunningStack | undefined;

beforeAll(async () => {
  stack = await startStack({
    dataDir,
    ports: "free",
    logLevel: "warn",
    env: { ...process.env, AITBC_LOG_LEVEL: "warn" },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

it("runs the full provider and customer scenario, every check passing", async () => {
  const lines: string[] = [];
  const ctx = contextFrom(stack!.urls, stack!.credentials, stack!.paths.root);
  const result = await runFullScenario(
    ctx,
    consoleReporter((l) => lines.push(l)),
    { minerDataDir: join(dataDir, "example-miner") },
  ).catch((err: unknown) => {
    throw new Error(`${(err as Error).message}\n--- scenario output ---\n${lines.join("\n")}`);
  });
  const output = lines.join("\n");
  for (let phase = 1; phase <= 8; phase++) expect(output).toContain(`Phase ${phase}:`);
  expect(output).not.toContain("✗");
  expect(result.checks).toBeGreaterThan(30);
  expect(result.jobId).toMatch(/^[0-9a-f]{32}$/);
  expect(BigInt(result.receiptCost)).toBeGreaterThan(0n);
  expect(result.ledgerAfter.ok).toBe(true);
  // The customer's 1000 AITBC, and the faucet's grant for the provider's bond.
  expect(result.ledgerAfter.supply - result.ledgerBefore.supply).toBe(
    1_000_000_000n + BigInt(PROVIDER_BOND) * 1_000_000n,
  );
}, 240_000);
