// Real miners (the agent and the llama.cpp executor on the offline tiny model) whose executors
// cheat, each caught by a spot check at rate 1: the re-run on an honest provider's miner disagrees,
// the check fails, the provider's reputation shows it, and a slash paying the customer back what
// it paid is queued (taken to the chain in the coordinator's verification-chain test). The cheats
// are executors handed to startMiner, the seam the agent already has for tests; nothing in the
// agent itself changes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAitbcClient, pollUntil, toMicro, type AitbcClient } from "@aitbc/sdk";
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
  type Executor,
  type LlamaCppExecutor,
  type RunningMiner,
} from "../src/index.js";

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

/** The real executor with its `run` replaced: same models, same digest, same identity. */
function cheating(real: Executor, run: Executor["run"]): Executor {
  return {
    kind: real.kind,
    listModels: () => real.listModels(),
    healthy: () => real.healthy(),
    close: async () => undefined,
    run,
  };
}

const CHEATS: Record<string, (real: Executor) => Executor> = {
  // Never loads a model: answers with text of its own.
  "made-up-text": (real) =>
    cheating(real, async (req, opts) => {
      const r = await real.run({ ...req, maxTokens: 1 }, opts);
      return { ...r, text: "Certainly! Here is a thorough answer to your question." };
    }),
  // Generates fewer tokens than it bills.
  "inflated-tokens": (real) =>
    cheating(real, async (req, opts) => {
      const r = await real.run({ ...req, maxTokens: Math.max(1, (req.maxTokens ?? 16) - 4) }, opts);
      return { ...r, tokensOut: req.maxTokens ?? r.tokensOut + 4 };
    }),
  // Runs something else under the advertised name: here the same weights fed another context,
  // which like another model's weights gives another greedy continuation.
  "other-model": (real) =>
    cheating(real, (req, opts) => real.run({ ...req, prompt: `Other model. ${req.prompt}` }, opts)),
};

describe("cheating miners caught by spot checks", () => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  let dir: string;
  let coordinator: RunningCoordinator;
  let executor: LlamaCppExecutor;
  const miners: RunningMiner[] = [];
  let admin: AitbcClient;

  const provider = async (id: string, exec: Executor) => {
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
        executor: exec,
        name: id,
        dataDir: join(dir, id),
        logger: silentLogger,
        claimWaitS: 1,
      }),
    );
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-cheats-"));
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
    executor = await createLlamaCppExecutor({ concurrency: 2, threads: 1 });
    await provider("honest", executor);
    for (const [name, make] of Object.entries(CHEATS)) await provider(name, make(executor));
  }, 120_000);

  afterAll(async () => {
    for (const m of miners) await m.close();
    await executor?.close();
    await coordinator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(CHEATS))(
    "catches the %s miner and queues the customer's refund from its bond",
    async (cheat) => {
      const c = await admin.coordinator.createAccount({
        body: { name: `customer of ${cheat}`, role: "customer" },
      });
      const customer = createAitbcClient({ coordinatorUrl: coordinator.url, apiKey: c.api_key });
      const job = await customer.coordinator.createJob({
        body: {
          service_id: `${cheat}-svc`,
          requirements: {
            task_type: "inference",
            model: TINY_MODEL_NAME,
            prompt: "Question: what does the miner check?",
            max_tokens: 16,
            temperature: 0,
          },
          budget: { max_cost: 1, currency: "AITBC" },
        },
      });
      const db = coordinator.context.db;
      const check = await pollUntil(
        async () => {
          const row = await db("verification_checks").where({ job_id: job.job_id }).first();
          return row && !["open", "rerunning"].includes(row.status) ? row : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 100, what: `the check of the ${cheat} miner` },
      );
      expect(check.status, check.verdict).toBe("failed");
      expect(check.verifier_provider_id).not.toBe(cheat);
      const results = await customer.coordinator.getJobResults({ path: { job_id: job.job_id } });
      const slash = await db("verification_slashes").where({ job_id: job.job_id }).first();
      expect(slash).toMatchObject({ reason: "spot_check_failed", provider_id: cheat });
      expect(BigInt(slash.refund_micro)).toBe(toMicro(results.payment.paid ?? 0));
      const reputation = await admin.coordinator.getProviderReputation({
        path: { provider_id: cheat },
      });
      expect(reputation.checks).toEqual({ checked: 1, passed: 0, failed: 1 });
    },
    90_000,
  );
});
