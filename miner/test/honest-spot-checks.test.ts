// An honest miner is never flagged: every completed job of one provider's miner is re-run (check
// rate 1) on another provider's miner serving the same offline tiny model, and every re-run agrees
// with the original, greedy or seeded. The normal suite runs a few jobs; `npm run test:honest`
// runs 200 (AITBC_HONEST_RERUNS).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAitbcClient, pollUntil, type AitbcClient } from "@aitbc/sdk";
import {
  loadCoordinatorConfig,
  startCoordinator,
  type RunningCoordinator,
  type SettlementPort,
} from "@aitbc/coordinator";
import { createLogger } from "@aitbc/server-lib";
import {
  createLlamaCppExecutor,
  silentLogger,
  startMiner,
  TINY_MODEL_NAME,
  type LlamaCppExecutor,
  type RunningMiner,
} from "../src/index.js";

const RERUNS = Number(process.env.AITBC_HONEST_RERUNS ?? 6);

/** Escrow that always locks and releases: this suite is about the re-runs, not the money. */
const settlement: SettlementPort = {
  kind: "double",
  async lockEscrow() {
    return { txHash: "0x" + randomBytes(32).toString("hex"), blockHeight: 1 };
  },
  async release() {
    return { status: "confirmed", txHash: "0x" + randomBytes(32).toString("hex"), blockHeight: 2 };
  },
  async refund() {
    return { status: "confirmed", txHash: "0x" + randomBytes(32).toString("hex"), blockHeight: 2 };
  },
};

describe(`an honest miner over ${RERUNS} re-executions on the offline model`, () => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  let dir: string;
  let coordinator: RunningCoordinator;
  let executor: LlamaCppExecutor;
  const miners: RunningMiner[] = [];
  let admin: AitbcClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-honest-"));
    coordinator = await startCoordinator(
      {
        ...loadCoordinatorConfig({
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_DEV: "1",
          AITBC_DATABASE_URL: join(dir, "coordinator.sqlite"),
        }),
        port: 0,
        rateLimit: false,
        sweepIntervalMs: 50,
        spotCheckRate: 1,
      },
      { settlement, logger: createLogger("coordinator", "silent") },
    );
    admin = createAitbcClient({ coordinatorUrl: coordinator.url, apiKey: adminApiKey });
    // One loaded model serves both miners: the same executor build on the same model file.
    executor = await createLlamaCppExecutor({ concurrency: 2, threads: 1 });
    for (const id of ["honest-a", "honest-b"]) {
      const p = await admin.coordinator.createAccount({ body: { id, name: id, role: "provider" } });
      const client = createAitbcClient({ coordinatorUrl: coordinator.url, apiKey: p.api_key });
      await client.coordinator.registerService({
        body: {
          service_id: `${id}-svc`,
          name: id,
          type: "llm_inference",
          specs: { gpu_type: "none", memory: "2GB" },
          pricing: { rate_per_hour: 100, currency: "AITBC" },
        },
      });
      miners.push(
        await startMiner({
          coordinatorUrl: coordinator.url,
          apiKey: p.api_key,
          executor,
          name: id,
          dataDir: join(dir, id),
          logger: silentLogger,
          claimWaitS: 1,
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const m of miners) await m.close();
    await executor?.close();
    await coordinator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "passes every spot check, greedy and seeded",
    async () => {
      const c = await admin.coordinator.createAccount({
        body: { id: "honest-customer", name: "customer", role: "customer" },
      });
      const customer = createAitbcClient({ coordinatorUrl: coordinator.url, apiKey: c.api_key });
      for (let i = 0; i < RERUNS; i++) {
        await customer.coordinator.createJob({
          body: {
            service_id: "honest-a-svc",
            requirements: {
              task_type: "inference",
              model: TINY_MODEL_NAME,
              prompt: `Prompt ${i}: the miner checks ${i * 7919}`,
              max_tokens: 12,
              ...(i % 2 ? { temperature: 0 } : { temperature: 0.8, seed: 1000 + i }),
            },
            budget: { max_cost: 1, currency: "AITBC" },
          },
        });
      }
      const reputation = await pollUntil(
        async () => {
          const r = await admin.coordinator.getProviderReputation({
            path: { provider_id: "honest-a" },
          });
          const db = coordinator.context.db;
          const [undecided] = await db("verification_checks")
            .whereIn("status", ["open", "rerunning"])
            .count({ n: "*" });
          const [all] = await db("verification_checks").count({ n: "*" });
          return Number(all?.n) === RERUNS && Number(undecided?.n) === 0 ? r : undefined;
        },
        { timeoutMs: 60_000 + RERUNS * 2_000, intervalMs: 200, what: "every spot check decided" },
      );
      const verdicts = await coordinator.context
        .db("verification_checks")
        .select("status", "verdict");
      expect(verdicts.filter((v: { status: string }) => v.status !== "passed")).toEqual([]);
      expect(reputation.checks).toEqual({ checked: RERUNS, passed: RERUNS, failed: 0 });
    },
    120_000 + RERUNS * 3_000,
  );
});
