// The coordinator dies by SIGKILL at random moments while deposit-funded jobs run, complete and
// are settled in batches on a real chain, then starts again on the same database. Afterwards no
// job is paid twice and none is lost: every job's reservation is settled by a batch the chain
// anchored, the provider holds exactly what the jobs paid, the deposit is down by exactly that,
// and every receipt's inclusion proof checks against its batch's anchored root. A small HTTP
// stand-in for the wallet hands out account addresses whose keys the test holds, since a deposit
// is locked with the owner's own key. AITBC_KILL9_ROUNDS sets the rounds (3 here).
import { createServer as createHttpServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@aitbc/server-lib";
import {
  checkReceiptInclusion,
  createAitbcClient,
  toMicro,
  type AitbcClient,
  type CoordinatorTypes,
} from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import { freePort, type KillableChild } from "@aitbc/server-lib/testing";
import { eventually, serviceConfig } from "./support/harness.js";
import { coordinatorChild } from "./support/coordinator-child.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";
import { HeldKeys, lockDeposit } from "./support/deposit-chain.js";

const ROUNDS = Number(process.env.AITBC_KILL9_ROUNDS ?? 3);
const JOBS_PER_ROUND = 3;
const DEPOSIT = 50;

/** Answers the coordinator's `POST /api/v1/wallet/accounts` with an address whose key `keys` holds. */
async function addressWallet(keys: HeldKeys): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      void (async () => {
        if (req.method === "POST" && req.url === "/api/v1/wallet/accounts") {
          const { account_id } = JSON.parse(body) as { account_id: string };
          const address = await keys.addressFor();
          res.writeHead(201, { "content-type": "application/json" });
          res.end(JSON.stringify({ account_id, address, public_key: "held-by-the-test" }));
          return;
        }
        res.writeHead(404, { "content-type": "application/problem+json" });
        res.end(JSON.stringify({ title: "Not found", status: 404, code: "not_found" }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

describe.each(testDatabaseKinds())("kill -9 during batched settlement (%s)", (kind) => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const keys = new HeldKeys();
  let chain: DevChain;
  let wallet: { url: string; server: Server };
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
      apiKey,
      http: { retries: 0 },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-kill9-batch-"));
    // One validator: every block is final as soon as it is made.
    chain = await startDevChain({ validators: 1, adminApiKey, logLevel: "silent" });
    database = createTestDatabase(kind);
    port = await freePort();
    wallet = await addressWallet(keys);
    coordinator = coordinatorChild({
      adminApiKey,
      database,
      chain,
      walletUrl: wallet.url,
      port,
      dataDir: dir,
      env: {
        AITBC_SETTLEMENT_BATCH_MIN_ITEMS: "2",
        AITBC_SETTLEMENT_BATCH_INTERVAL_MS: "200",
        AITBC_METERING_TOLERANCE_MS: "600000",
      },
    });
    await coordinator.start();
    admin = as(adminApiKey);
    const mk = async (id: string, role: "customer" | "provider") => {
      const a = await admin.coordinator.createAccount({ body: { id, name: id, role } });
      return { id: a.id, address: a.address, client: as(a.api_key) };
    };
    provider = await mk("kill9-batch-provider", "provider");
    customer = await mk("kill9-batch-customer", "customer");
    await lockDeposit(admin, keys, chain.nodes[0]!.chainId, customer.address, DEPOSIT);
    await provider.client.coordinator.registerService({ body: serviceConfig("kill9-batch-svc") });
    miner = await registerMiner(
      { id: provider.id, client: provider.client },
      { maxConcurrency: JOBS_PER_ROUND },
    );
  }, 180_000);

  afterAll(async () => {
    await coordinator?.kill9();
    await new Promise((resolve) => wallet?.server.close(resolve));
    await chain?.close();
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `pays every deposit job exactly once across ${ROUNDS} SIGKILLs during batching and settlement`,
    async () => {
      const jobIds: string[] = [];
      const delays: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await miner.heartbeat([]);
        const claims: CoordinatorTypes.Claim[] = [];
        for (let i = 0; i < JOBS_PER_ROUND; i++) {
          const job = await customer.client.coordinator.createJob({
            body: {
              requirements: {
                task_type: "inference",
                model: TINY_MODEL.name,
                prompt: `round ${round} job ${i}`,
              },
              budget: { max_cost: 1, currency: "AITBC" },
              funding: "deposit",
            },
          });
          expect(job.payment.funding).toBe("deposit");
          jobIds.push(job.job_id);
          claims.push((await eventually(() => miner.claim(0), "the claim"))!);
        }
        // Completions race the kill: some land before it (and get batched, signed, submitted,
        // or final at any point), others are cut off and sent again after the restart.
        const delay = Math.floor(Math.random() * 600);
        delays.push(delay);
        const completing = claims.map((c, i) =>
          miner.complete(c, `answer ${round}.${i}`, 18_000).then(
            () => "answered" as const,
            () => "cut off" as const,
          ),
        );
        await new Promise((r) => setTimeout(r, delay));
        await coordinator.kill9();
        const answered = await Promise.all(completing);
        await coordinator.start();
        for (const [i, a] of answered.entries()) {
          if (a === "answered") continue;
          await miner
            .complete(claims[i]!, `answer ${round}.${i}`, 18_000)
            .catch((err: { status?: number }) => {
              if (err.status !== 409) throw err;
            });
        }
      }
      await eventually(
        async () => {
          for (const id of jobIds) {
            const s = await customer.client.coordinator.getJobStatus({ path: { job_id: id } });
            if (s.payment.status !== "settled") return false;
          }
          return true;
        },
        "every job to settle",
        90_000,
      );
      await checkLedger(jobIds);
      console.log(
        `kill -9 batched settlement (${kind}): ${ROUNDS} rounds of ${JOBS_PER_ROUND} jobs, ` +
          `kill delays ${delays.join(", ")} ms, ledger exact`,
      );
    },
    180_000 + ROUNDS * 60_000,
  );

  async function checkLedger(jobIds: string[]) {
    const node = admin.node;
    let paid = 0n;
    const batches = new Set<string>();
    for (const id of jobIds) {
      const r = await customer.client.coordinator.getJobResults({ path: { job_id: id } });
      expect(r.payment).toMatchObject({ funding: "deposit", status: "settled", paid: 0.5 });
      const s = r.settlement!;
      batches.add(s.batch_id);
      const check = await checkReceiptInclusion(node, r.receipt_hash!, s);
      expect(check).toMatchObject({
        ok: true,
        anchored: { finalized: true, tx_hash: r.payment.tx_hash },
      });
      paid += toMicro(r.payment.paid!);
      // Never an escrow for a deposit job.
      await expect(node.getEscrow({ path: { job_id: id } })).rejects.toMatchObject({ status: 404 });
    }
    // The batches the chain applied pay exactly these jobs, once each.
    let anchoredItems = 0;
    for (const b of batches)
      anchoredItems += (await node.getSettlement({ path: { batch_id: b } })).items;
    expect(anchoredItems).toBe(jobIds.length);
    // The provider holds what the jobs paid less the default verification fee (5 % of each
    // item, rounded down), which is in the pool.
    const fees = BigInt(jobIds.length) * ((toMicro(0.5) * 500n) / 10_000n);
    const p = await node.getAccount({ path: { address: provider.address } });
    expect(BigInt(p.balance_micro)).toBe(paid - fees);
    expect(BigInt((await node.getVerificationPool()).amount_micro)).toBe(fees);
    const d = await node.getDeposit({ path: { address: customer.address } });
    expect(BigInt(d.amount_micro)).toBe(toMicro(DEPOSIT) - paid);
  }
});
