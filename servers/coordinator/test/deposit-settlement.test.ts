// Deposit-funded jobs settled end to end on a real three-validator chain: twenty jobs of two
// customers, run and completed through the miner protocol, are paid by one `settlement_batch`
// transaction (where per-job escrow would take twenty releases, and twenty locks before that).
// Each job's payment becomes `settled` with the batch transaction once its block is final, the
// provider holds exactly what the receipts say, each deposit is down by its customer's jobs, and
// every receipt's inclusion proof, as the results and the receipt list report it, checks against
// the root the node anchored.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeChainClient, testDatabaseKinds } from "@aitbc/server-lib";
import {
  checkReceiptInclusion,
  createAitbcClient,
  toMicro,
  verifyMerkleProof,
  type AitbcClient,
  type CoordinatorTypes,
} from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import { ChainBatchPort, NodeDepositReader, settlementKey } from "../src/index.js";
import {
  createAccount,
  eventually,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { SettlementDouble } from "./support/settlement-double.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";
import { HeldKeys, lockDeposit } from "./support/deposit-chain.js";

const JOBS = 20;

describe.each(testDatabaseKinds())("deposit jobs settled in batches (%s)", (kind) => {
  const nodeAdminKey = "admin_" + randomBytes(16).toString("hex");
  const keys = new HeldKeys();
  let chain: DevChain;
  let node: AitbcClient;
  let h: Harness;
  let provider: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    chain = await startDevChain({ validators: 3, adminApiKey: nodeAdminKey, logLevel: "silent" });
    const first = chain.nodes[0]!;
    node = createAitbcClient({ nodeUrl: first.url, apiKey: nodeAdminKey, http: { retries: 0 } });
    h = await startHarness(
      kind,
      {
        chainId: first.chainId,
        // One batch for all of them: formed once JOBS are owed (the interval is the fallback).
        settlementBatchMinItems: JOBS,
        settlementBatchIntervalMs: 60_000,
      },
      new SettlementDouble(),
      {
        addresses: keys,
        depositReader: new NodeDepositReader(nodeChainClient(first.url, { retries: 0 })),
        batchChain: new ChainBatchPort(
          nodeChainClient(first.url, { retries: 0 }),
          settlementKey(chain.settlement!.secret_key, first.chainId),
        ),
      },
    );
    provider = await createAccount(h, "provider", "batch-provider");
    await provider.client.coordinator.registerService({ body: serviceConfig("batch-svc") });
    miner = await registerMiner(
      { id: provider.id, client: provider.client },
      { maxConcurrency: 4 },
    );
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await chain?.close();
  });

  it(`pays ${JOBS} deposit jobs of two customers with one settlement_batch, each receipt provably in it`, async () => {
    const customers = [await createAccount(h, "customer"), await createAccount(h, "customer")];
    for (const c of customers)
      await lockDeposit(node, keys, chain.nodes[0]!.chainId, c.address, 50);
    const jobs: Array<{ jobId: string; customer: Account; receiptHash: string }> = [];
    for (let i = 0; i < JOBS; i++) {
      const customer = customers[i % 2]!;
      const job = await customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: `job ${i}` },
          budget: { max_cost: 2, currency: "AITBC" },
          funding: "deposit",
        },
      });
      expect(job.payment).toMatchObject({ funding: "deposit", status: "locked" });
      const claim = (await eventually(() => miner.claim(0), "the claim"))!;
      expect(claim.job.job_id).toBe(job.job_id);
      const done = await miner.complete(claim, `answer ${i}`, 36_000); // 1 AITBC
      jobs.push({ jobId: job.job_id, customer, receiptHash: done.receipt_hash });
    }

    const results = new Map<string, CoordinatorTypes.JobResults>();
    await eventually(
      async () => {
        for (const j of jobs) {
          if (results.has(j.jobId)) continue;
          const r = await j.customer.client.coordinator.getJobResults({
            path: { job_id: j.jobId },
          });
          if (r.payment.status !== "settled") return false;
          results.set(j.jobId, r);
        }
        return true;
      },
      "every deposit job to be settled",
      60_000,
    );

    const batchIds = new Set([...results.values()].map((r) => r.payment.batch_id));
    const txHashes = new Set([...results.values()].map((r) => r.payment.tx_hash));
    expect(batchIds.size).toBe(1);
    expect(txHashes.size).toBe(1);
    const [batchId] = [...batchIds] as string[];
    const anchored = await node.node.getSettlement({ path: { batch_id: batchId! } });
    expect(anchored).toMatchObject({ items: JOBS, paid: JOBS, finalized: true });
    expect(anchored.tx_hash).toBe([...txHashes][0]);
    const tx = await node.node.getTransaction({ body: { tx_hash: anchored.tx_hash } });
    expect(tx).toMatchObject({ type: "settlement_batch", finalized: true });

    // The provider holds what was paid less the verification fee (5 % by default), which is in
    // the pool; each deposit is down by its customer's jobs.
    const account = await node.node.getAccount({ path: { address: provider.address } });
    expect(BigInt(account.balance_micro)).toBe(toMicro(JOBS) - (toMicro(JOBS) * 500n) / 10_000n);
    const pool = await node.node.getVerificationPool();
    expect(BigInt(pool.amount_micro)).toBe((toMicro(JOBS) * 500n) / 10_000n);
    const items = (tx.tx.payload as { items: Array<{ paid: string; pool_fee?: string }> }).items;
    expect(items.every((i) => i.paid === "1000000" && i.pool_fee === "50000")).toBe(true);
    for (const c of customers) {
      const d = await node.node.getDeposit({ path: { address: c.address } });
      expect(BigInt(d.amount_micro)).toBe(toMicro(50 - JOBS / 2));
    }
    // No escrow was locked or released for any of them.
    expect(h.settlement.calls.lock).toBe(0);

    for (const j of jobs) {
      const r = results.get(j.jobId)!;
      expect(r.payment).toMatchObject({ funding: "deposit", paid: 1, lock_tx_hash: null });
      const s = r.settlement!;
      expect(s).toMatchObject({
        batch_id: batchId,
        receipts_root: anchored.receipts_root,
        block_height: anchored.block_height,
        tx_hash: anchored.tx_hash,
      });
      expect(verifyMerkleProof(j.receiptHash, s.proof, anchored.receipts_root)).toBe(true);
      expect((await checkReceiptInclusion(node.node, j.receiptHash, s)).ok).toBe(true);
      // The receipt list carries the same proof.
      const listed = await j.customer.client.coordinator.listReceipts({
        query: { job_id: j.jobId },
      });
      expect(listed.receipts[0]!.settlement).toEqual(s);
      expect(listed.receipts[0]!.payment_tx_hash).toBe(anchored.tx_hash);
    }
    // Another job's proof does not prove this receipt.
    const [a, b] = jobs;
    expect(
      (await checkReceiptInclusion(node.node, a!.receiptHash, results.get(b!.jobId)!.settlement!))
        .ok,
    ).toBe(false);
  }, 180_000);
});
