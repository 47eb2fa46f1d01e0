// Batched settlement of deposit-funded jobs on a real three-validator chain: owed reservations of
// several customers go out in one `settlement_batch` that pays every provider and draws on every
// deposit, and each receipt's inclusion proof checks against the root the chain anchored. A batch
// that would overdraw a deposit is refused whole; the overdrawn owner's item stays in the refused
// batch (until an operator requeues it) and everything else is paid once, in the next batch. Two
// workers on one database never
// batch a reservation twice, and a worker that dies after signing (or after submitting) is
// resumed by the next one with the same batch, never a second payment.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLogger,
  createTestDatabase,
  nodeChainClient,
  testDatabaseKinds,
  type TestDatabase,
} from "@aitbc/server-lib";
import {
  checkReceiptInclusion,
  createAitbcClient,
  depositLockTx,
  verifyMerkleProof,
  type AitbcClient,
} from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import {
  ChainBatchPort,
  loadCoordinatorConfig,
  settlementKey,
  startCoordinator,
  type BatchChainPort,
  type RunningCoordinator,
} from "../src/index.js";
import { BatchWorker } from "../src/domain/settlement/batch-worker.js";
import { knexTransactions } from "../src/data/knex-transactions.js";
import { eventually, failure } from "./support/harness.js";
import {
  balanceMicroOf,
  depositMicroOf,
  depositOwner,
  insertOwed,
  newAddress,
  nodeClient,
  type DepositOwner,
  type Owed,
} from "./support/owed-reservations.js";

const AITBC = 1_000_000n;

describe.each(testDatabaseKinds())("settlement batches on a 3-node chain (%s)", (kind) => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const logger = createLogger("coordinator", process.env.AITBC_LOG_LEVEL ?? "silent");
  let chain: DevChain;
  let database: TestDatabase;
  let coordinator: RunningCoordinator;
  let admin: AitbcClient;
  let owners: DepositOwner[];
  const workers: BatchWorker[] = [];

  const port = (): ChainBatchPort =>
    new ChainBatchPort(
      nodeChainClient(chain.nodes[0]!.url, { retries: 0 }),
      settlementKey(chain.settlement!.secret_key, chain.nodes[0]!.chainId),
    );
  const worker = (chainPort: BatchChainPort, maxItems = 512): BatchWorker => {
    const w = new BatchWorker(
      knexTransactions(coordinator.context.db),
      coordinator.context.repos.batches,
      chainPort,
      logger,
      { minItems: 1, maxItems, intervalMs: 0, confirmPollMs: 50, baseBackoffMs: 50 },
    );
    workers.push(w);
    return w;
  };
  const reservation = async (jobId: string) =>
    (await coordinator.context.db("deposit_reservations").where({ job_id: jobId }))[0] as Record<
      string,
      unknown
    >;
  const batchRow = async (batchId: string) =>
    (await coordinator.context.db("settlement_batches").where({ batch_id: batchId }))[0] as Record<
      string,
      unknown
    >;
  const allSettled = (owed: Owed[]) =>
    eventually(
      async () => {
        for (const o of owed) if ((await reservation(o.jobId)).status !== "settled") return false;
        return true;
      },
      "every reservation to be settled",
      60_000,
    );
  /** What each provider should have been paid, from a list of paid items. */
  const paidTo = (owed: Owed[]) => {
    const m = new Map<string, bigint>();
    for (const o of owed) m.set(o.provider, (m.get(o.provider) ?? 0n) + o.amountMicro);
    return m;
  };

  beforeAll(async () => {
    chain = await startDevChain({ validators: 3, adminApiKey, logLevel: "silent" });
    database = createTestDatabase(kind);
    const node = chain.nodes[0]!;
    coordinator = await startCoordinator(
      {
        ...loadCoordinatorConfig({
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_DEV: "1",
          AITBC_DATABASE_URL: database.url,
          ...(database.schema ? { AITBC_DATABASE_SCHEMA: database.schema } : {}),
          AITBC_CHAIN_ID: node.chainId,
        }),
        port: 0,
        rateLimit: false,
      },
      { logger, workers: false },
    );
    admin = nodeClient(node.url, adminApiKey);
    owners = [];
    for (let i = 0; i < 3; i++)
      owners.push(await depositOwner(admin, node.chainId, 100, 50n * AITBC));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await coordinator?.close();
    await chain?.close();
    await database?.destroy();
  });

  it("settles many owed reservations of several owners in one batch; every proof checks against the anchored root", async () => {
    const providers = [newAddress(), newAddress(), newAddress(), newAddress()];
    const owed = await insertOwed(
      coordinator.context.db,
      Array.from({ length: 30 }, (_, i) => ({
        owner: owners[i % 3]!.address,
        provider: providers[i % 4]!,
        amountMicro: BigInt(100_000 + i * 10_000),
      })),
    );
    const before = await Promise.all(owners.map((o) => depositMicroOf(admin, o.address)));
    const w = worker(port());
    await w.drain();
    await allSettled(owed);

    const batchIds = new Set<string>();
    for (const o of owed) batchIds.add(String((await reservation(o.jobId)).batch_id));
    expect(batchIds.size).toBe(1);
    const [batchId] = [...batchIds];
    const batch = await batchRow(batchId!);
    expect(batch).toMatchObject({ status: "final", item_count: 30 });

    const anchored = await admin.node.getSettlement({ path: { batch_id: batchId! } });
    expect(anchored).toMatchObject({
      items: 30,
      finalized: true,
      receipts_root: batch.receipts_root,
    });
    expect(anchored.tx_hash).toBe(batch.tx_hash);

    for (const [provider, sum] of paidTo(owed))
      expect(await balanceMicroOf(admin, provider)).toBe(sum);
    for (const [i, o] of owners.entries()) {
      const drawn = owed
        .filter((x) => x.owner === o.address)
        .reduce((s, x) => s + x.amountMicro, 0n);
      expect(await depositMicroOf(admin, o.address)).toBe(before[i]! - drawn);
    }

    for (const o of owed) {
      const r = await reservation(o.jobId);
      expect(Number(r.settled_height)).toBe(anchored.block_height);
      const s = await coordinator.context.repos.batches.receiptSettlement(o.jobId);
      expect(s).toMatchObject({
        batchId,
        blockHeight: anchored.block_height,
        txHash: anchored.tx_hash,
      });
      // Offline, against the root read from the chain, and through the SDK's node-backed check.
      expect(verifyMerkleProof(o.receiptHash, s!.proof, anchored.receipts_root)).toBe(true);
      const check = await checkReceiptInclusion(admin.node, o.receiptHash, {
        batch_id: s!.batchId,
        receipts_root: s!.receiptsRoot,
        leaf_index: s!.leafIndex,
        proof: s!.proof,
      });
      expect(check.ok).toBe(true);
      // The proof is this receipt's only.
      expect(
        verifyMerkleProof(
          owed[(owed.indexOf(o) + 1) % 30]!.receiptHash,
          s!.proof,
          anchored.receipts_root,
        ),
      ).toBe(false);
    }
  }, 120_000);

  it("a batch that would overdraw a deposit is refused whole: the overdrawn item stays out, the rest is paid once in the next batch", async () => {
    const [rich, poor] = [owners[0]!, owners[1]!];
    const poorDeposit = await depositMicroOf(admin, poor.address);
    const providers = [newAddress(), newAddress()];
    const [tooBig] = await insertOwed(coordinator.context.db, [
      { owner: poor.address, provider: providers[0]!, amountMicro: poorDeposit + 1n },
    ]);
    const fine = await insertOwed(coordinator.context.db, [
      { owner: rich.address, provider: providers[1]!, amountMicro: 250_000n },
      { owner: rich.address, provider: providers[1]!, amountMicro: 750_000n },
    ]);
    const w = worker(port());
    await w.drain();
    await allSettled(fine);

    const refusedId = (await reservation(tooBig!.jobId)).batch_id as string;
    expect(await batchRow(refusedId)).toMatchObject({ status: "refused" });
    expect(String((await batchRow(refusedId)).last_error)).toMatch(/^deposit_insufficient/);
    expect(await reservation(tooBig!.jobId)).toMatchObject({ status: "batched" });
    // Nothing of the refused batch reached the chain, and its receipt has no proof to show.
    await expect(admin.node.getSettlement({ path: { batch_id: refusedId } })).rejects.toMatchObject(
      { status: 404 },
    );
    expect(await coordinator.context.repos.batches.receiptSettlement(tooBig!.jobId)).toBeNull();
    expect(await balanceMicroOf(admin, providers[0]!)).toBe(0n);
    expect(await depositMicroOf(admin, poor.address)).toBe(poorDeposit);
    // The others were paid exactly once, from a second batch.
    expect(await balanceMicroOf(admin, providers[1]!)).toBe(1_000_000n);
    const paidIn = (await reservation(fine[0]!.jobId)).batch_id as string;
    expect(paidIn).not.toBe(refusedId);
    expect(await batchRow(paidIn)).toMatchObject({ status: "final", item_count: 2 });

    // Another run finds nothing to do: the refused item is not retried into a double payment.
    await w.drain();
    expect(await balanceMicroOf(admin, providers[0]!)).toBe(0n);
    expect(await reservation(tooBig!.jobId)).toMatchObject({
      status: "batched",
      batch_id: refusedId,
    });
  }, 120_000);

  it("an operator requeues the items a refused batch kept; once the deposit covers them they are paid once", async () => {
    const chainId = chain.nodes[0]!.chainId;
    const owner = await depositOwner(admin, chainId, 10, 1n * AITBC);
    const provider = newAddress();
    const [stuck] = await insertOwed(coordinator.context.db, [
      { owner: owner.address, provider, amountMicro: 2n * AITBC },
    ]);
    const w = worker(port());
    await w.drain();
    const refusedId = (await reservation(stuck!.jobId)).batch_id as string;
    expect(await batchRow(refusedId)).toMatchObject({ status: "refused" });

    const operator = createAitbcClient({
      coordinatorUrl: coordinator.url,
      apiKey: adminApiKey,
      http: { retries: 0 },
    });
    const requeue = (batchId: string, client = operator) =>
      client.coordinator.requeueSettlementBatch({ path: { batch_id: batchId } });
    const customer = await operator.coordinator.createAccount({
      body: { name: "a customer", role: "customer" },
    });
    const asCustomer = createAitbcClient({
      coordinatorUrl: coordinator.url,
      apiKey: customer.api_key,
      http: { retries: 0 },
    });
    expect(await failure(() => requeue(refusedId, asCustomer))).toMatchObject({ status: 403 });
    expect(await failure(() => requeue(randomBytes(16).toString("hex")))).toMatchObject({
      status: 404,
    });
    expect(await reservation(stuck!.jobId)).toMatchObject({
      status: "batched",
      batch_id: refusedId,
    });

    // The customer adds to its deposit; then the operator sends the item back to be paid.
    const { pending_nonce } = await admin.node.getAccount({ path: { address: owner.address } });
    const topUp = depositLockTx(
      { chainId, nonce: pending_nonce, secretKey: owner.secretKey },
      1n * AITBC,
    );
    await admin.node.submitTransaction({ body: topUp as never });
    await eventually(
      async () => (await depositMicroOf(admin, owner.address, "final")) === 2n * AITBC,
      "the topped-up deposit to be final",
      30_000,
    );
    const done = await requeue(refusedId);
    expect(done).toMatchObject({
      batch_id: refusedId,
      status: "refused",
      requeued: 1,
      job_ids: [stuck!.jobId],
    });
    expect(String(done.last_error)).toMatch(/^deposit_insufficient/);
    expect(await reservation(stuck!.jobId)).toMatchObject({ status: "owed", batch_id: null });
    expect(await requeue(refusedId)).toMatchObject({ requeued: 0, job_ids: [] });

    await w.drain();
    await allSettled([stuck!]);
    expect(await balanceMicroOf(admin, provider)).toBe(2n * AITBC);
    expect(await depositMicroOf(admin, owner.address)).toBe(0n);
    const paidIn = (await reservation(stuck!.jobId)).batch_id as string;
    expect(await batchRow(paidIn)).toMatchObject({ status: "final", item_count: 1 });
    // A final batch has nothing stuck in it.
    expect(await failure(() => requeue(paidIn))).toMatchObject({ status: 409 });
  }, 120_000);

  it("two workers on one database never put a reservation in two batches", async () => {
    const providers = [newAddress(), newAddress(), newAddress()];
    const owed = await insertOwed(
      coordinator.context.db,
      Array.from({ length: 40 }, (_, i) => ({
        owner: owners[2 - (i % 2)]!.address,
        provider: providers[i % 3]!,
        amountMicro: 20_000n + BigInt(i),
      })),
    );
    const a = worker(port(), 7);
    const b = worker(port(), 7);
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    await Promise.all([a.drain(), b.drain()]);
    await allSettled(owed);

    const items = (await coordinator.context.db("settlement_batch_items").whereIn(
      "job_id",
      owed.map((o) => o.jobId),
    )) as Array<{ job_id: string; batch_id: string }>;
    expect(items).toHaveLength(40);
    const perBatch = new Map<string, number>();
    for (const i of items) perBatch.set(i.batch_id, (perBatch.get(i.batch_id) ?? 0) + 1);
    for (const [id, n] of perBatch) {
      expect(n).toBeLessThanOrEqual(7);
      const anchored = await admin.node.getSettlement({ path: { batch_id: id } });
      expect(anchored.items).toBe(n);
    }
    for (const [provider, sum] of paidTo(owed))
      expect(await balanceMicroOf(admin, provider)).toBe(sum);
  }, 120_000);

  it("a worker that dies after signing, or after submitting, is resumed with the same batch and pays once", async () => {
    for (const dieAfter of ["sign", "submit"] as const) {
      const provider = newAddress();
      const owed = await insertOwed(coordinator.context.db, [
        { owner: owners[0]!.address, provider, amountMicro: 123_456n },
        { owner: owners[2]!.address, provider, amountMicro: 654_321n },
      ]);
      const real = port();
      // The first worker's process "dies" at this point: its call never returns a result.
      const dying: BatchChainPort = {
        kind: "chain",
        sign: (input) => real.sign(input),
        submit: async (tx) => {
          if (dieAfter === "submit") await real.submit(tx);
          throw new Error(`killed after ${dieAfter}`);
        },
        anchored: (id) => real.anchored(id),
        known: (hash) => real.known(hash),
        depositAt: (owner) => real.depositAt(owner),
      };
      await worker(dying).drain();
      const batchId = (await reservation(owed[0]!.jobId)).batch_id as string;
      const stored = await batchRow(batchId);
      expect(stored).toMatchObject({ status: "signed" });
      expect(stored.signed_tx).toBeTruthy();

      // The next worker (a restart) waits for the claim to lapse, then finishes the same batch.
      await coordinator.context
        .db("settlement_batches")
        .where({ batch_id: batchId })
        .update({
          next_attempt_at: new Date(0).toISOString(),
        });
      await worker(port()).drain();
      await allSettled(owed);
      expect(await batchRow(batchId)).toMatchObject({ status: "final", tx_hash: stored.tx_hash });
      expect(await balanceMicroOf(admin, provider)).toBe(777_777n);
    }
  }, 120_000);
});
