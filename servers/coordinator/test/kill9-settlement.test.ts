// The coordinator dies by SIGKILL at a random moment while a job completes and its escrow is
// released on a real chain, then starts again on the same database. After every restart the money
// adds up exactly: the customer's balance and escrows plus the provider's balance and the
// verification pool equal what the faucet gave, every job is paid exactly once (what the
// coordinator recorded is what the chain released; the provider holds exactly the sum less the
// verification fees, the pool exactly the fees), and no escrow stays locked.
// AITBC_KILL9_ROUNDS sets the rounds (3 here; `npm run test:kill9` runs 20).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLogger,
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from "@aitbc/server-lib";
import { createAitbcClient, toMicro, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import { loadWalletConfig, startWallet, type RunningWallet } from "@aitbc/wallet";
import { freePort, type KillableChild } from "@aitbc/server-lib/testing";
import { eventually, serviceConfig } from "./support/harness.js";
import { coordinatorChild } from "./support/coordinator-child.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";

const ROUNDS = Number(process.env.AITBC_KILL9_ROUNDS ?? 3);
const FAUCET = 100;

describe.each(testDatabaseKinds())("kill -9 during settlement (%s)", (kind) => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  let chain: DevChain;
  let wallet: RunningWallet;
  let database: TestDatabase;
  let dir: string;
  let port: number;
  let coordinator: KillableChild<void>;
  let admin: AitbcClient;
  let customer: { id: string; address: string; client: AitbcClient };
  let provider: { id: string; address: string; client: AitbcClient };
  let miner: TestMiner;
  const url = () => `http://127.0.0.1:${port}`;
  const as = (apiKey: string) =>
    createAitbcClient({
      coordinatorUrl: url(),
      nodeUrl: chain.nodes[0]!.url,
      walletUrl: wallet.url,
      apiKey,
      http: { retries: 0 },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-kill9-"));
    // One validator: every block is final as soon as it is made (settlement waits for finality).
    chain = await startDevChain({ validators: 1, adminApiKey, logLevel: "silent" });
    database = createTestDatabase(kind);
    port = await freePort();
    const node = chain.nodes[0]!;
    wallet = await startWallet(
      {
        ...loadWalletConfig({
          AITBC_DATA_DIR: dir,
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_WALLET_PASSPHRASE: "test passphrase for the wallet",
          AITBC_NODE_URL: node.url,
          AITBC_COORDINATOR_URL: url(),
          AITBC_CHAIN_ID: node.chainId,
        }),
        port: 0,
        identityCacheMs: 0,
        rateLimitPerSecond: 0,
      },
      { logger: createLogger("wallet", "silent") },
    );
    coordinator = coordinatorChild({
      adminApiKey,
      database,
      chain,
      walletUrl: wallet.url,
      port,
      dataDir: dir,
      ...(process.env.AITBC_KILL9_LOG ? { logFile: process.env.AITBC_KILL9_LOG } : {}),
    });
    await coordinator.start();
    admin = as(adminApiKey);
    const mk = async (id: string, role: "customer" | "provider") => {
      const a = await admin.coordinator.createAccount({ body: { id, name: id, role } });
      return { id: a.id, address: a.address, client: as(a.api_key) };
    };
    provider = await mk("kill9-provider", "provider");
    customer = await mk("kill9-customer", "customer");
    await admin.node.requestFaucet({ body: { address: customer.address, amount: FAUCET } });
    await eventually(
      async () => (await customer.client.wallet.getBalance()).balance === FAUCET,
      "the faucet",
      30_000,
    );
    await provider.client.coordinator.registerService({ body: serviceConfig("kill9-svc") });
    miner = await registerMiner(
      { id: provider.id, client: provider.client },
      { maxConcurrency: 4 },
    );
  }, 180_000);

  afterAll(async () => {
    await coordinator?.kill9();
    await wallet?.close();
    await chain?.close();
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `keeps the ledger exact across ${ROUNDS} SIGKILLs at random points of settlement`,
    async () => {
      const jobIds: string[] = [];
      const delays: number[] = [];
      const cutOff: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await miner.heartbeat([]);
        const job = await customer.client.coordinator.createJob({
          body: {
            requirements: {
              task_type: "inference",
              model: TINY_MODEL.name,
              prompt: `round ${round}`,
            },
            budget: { max_cost: 1, currency: "AITBC" },
          },
        });
        jobIds.push(job.job_id);
        const claim = (await eventually(() => miner.claim(0), "the claim"))!;
        expect(claim.job.job_id).toBe(job.job_id);
        await new Promise((r) => setTimeout(r, 30));
        const delay = Math.floor(Math.random() * 400);
        delays.push(delay);
        const completing = miner.complete(claim, `answer ${round}`, 20).then(
          () => "answered" as const,
          () => "cut off" as const,
        );
        await new Promise((r) => setTimeout(r, delay));
        await coordinator.kill9();
        const answered = await completing;
        if (answered === "cut off") cutOff.push(round);
        await coordinator.start();

        // A miner whose completion was cut off sends it again; one that already counted gets 409.
        if (answered === "cut off") {
          await miner.complete(claim, `answer ${round}`, 20).catch((err: { status?: number }) => {
            if (err.status !== 409) throw err;
          });
        }
        await eventually(
          async () => {
            const s = await customer.client.coordinator.getJobStatus({
              path: { job_id: job.job_id },
            });
            return s.payment.status === "settled" ? s : undefined;
          },
          `round ${round} (kill after ${delay} ms, completion ${answered}) to settle`,
          60_000,
        ).catch(async (err) => {
          const s = await customer.client.coordinator.getJobStatus({
            path: { job_id: job.job_id },
          });
          throw new Error(`${String(err)}; job is ${JSON.stringify(s)}`);
        });
        await checkLedger(jobIds);
      }
      console.log(
        `kill -9 settlement (${kind}): ${ROUNDS} rounds, kill delays ${delays.join(", ")} ms, ` +
          `${cutOff.length} completions cut off by the kill, ledger exact after each`,
      );
    },
    120_000 + ROUNDS * 60_000,
  );

  async function checkLedger(jobIds: string[]) {
    const node = admin.node;
    let paid = 0n;
    let fees = 0n;
    for (const id of jobIds) {
      const s: CoordinatorTypes.Job = await customer.client.coordinator.getJobStatus({
        path: { job_id: id },
      });
      const escrow = await node.getEscrow({ path: { job_id: id } });
      expect(escrow.status).toBe("settled");
      expect(escrow.paid_micro).toBe(toMicro(s.payment.paid ?? 0).toString());
      expect(BigInt(escrow.paid_micro ?? -1) + BigInt(escrow.refund_micro ?? -1)).toBe(toMicro(1));
      paid += BigInt(escrow.paid_micro ?? 0);
      // The default verification fee (5 %) of each release, rounded down.
      expect(escrow.pool_fee_micro).toBe(
        ((BigInt(escrow.paid_micro!) * 500n) / 10_000n).toString(),
      );
      fees += BigInt(escrow.pool_fee_micro ?? 0);
    }
    expect(paid).toBeGreaterThan(0n);
    const c = await node.getAccount({ path: { address: customer.address } });
    const p = await node.getAccount({ path: { address: provider.address } });
    const pool = BigInt((await node.getVerificationPool()).amount_micro);
    // Nothing locked any more, the provider holds exactly what the jobs paid less the fees, the
    // pool exactly the fees, nothing made or lost.
    expect(c.locked_micro).toBe("0");
    expect(BigInt(p.balance_micro)).toBe(paid - fees);
    expect(pool).toBe(fees);
    expect(BigInt(c.balance_micro) + BigInt(c.locked_micro) + BigInt(p.balance_micro) + pool).toBe(
      toMicro(FAUCET),
    );
  }
});
