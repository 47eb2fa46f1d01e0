// Jobs paid from a customer's prepaid deposit, on a real chain: the deposit is locked with the
// customer's own key and read from the node once final. A deposit job is reserved in the
// transaction that creates it and queued at once, without an escrow or a block to wait for; the
// reservations of one customer never add up to more than its deposit, whatever the concurrency;
// a job that ends unpaid gives its reservation back, a completed one leaves what it owes.
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
  createAitbcClient,
  sleep,
  toMicro,
  type AitbcClient,
  type CoordinatorTypes,
} from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import {
  loadCoordinatorConfig,
  NodeDepositReader,
  startCoordinator,
  type DepositReader,
  type FinalizedDeposit,
  type RunningCoordinator,
} from "../src/index.js";
import {
  createAccount,
  failure,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { SettlementDouble } from "./support/settlement-double.js";
import { registerMiner, TINY_MODEL, type TestMiner } from "./support/miner-double.js";
import { HeldKeys, lockDeposit } from "./support/deposit-chain.js";

type Funding = CoordinatorTypes.CreateJobRequest["funding"];

function inference(maxCost: number, funding?: Funding): CoordinatorTypes.CreateJobRequest {
  return {
    requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "Hello AITBC" },
    budget: { max_cost: maxCost, currency: "AITBC" },
    ...(funding ? { funding } : {}),
  };
}

/** The node's deposit reader, counting its reads per owner. */
class CountingReader implements DepositReader {
  private readonly counts = new Map<string, number>();
  constructor(private readonly inner: DepositReader) {}
  finalizedDeposit(owner: string): Promise<FinalizedDeposit> {
    this.counts.set(owner, this.reads(owner) + 1);
    return this.inner.finalizedDeposit(owner);
  }
  reads(owner: string): number {
    return this.counts.get(owner) ?? 0;
  }
}

describe.each(testDatabaseKinds())("jobs paid from prepaid deposits (%s)", (kind) => {
  const nodeAdminKey = "admin_" + randomBytes(16).toString("hex");
  const keys = new HeldKeys();
  let chain: DevChain;
  let chainId: string;
  let node: AitbcClient;
  let h: Harness;
  let provider: Account;
  let miner: TestMiner;
  let reader: CountingReader;

  const customerWithDeposit = async (aitbc: number) => {
    const c = await createAccount(h, "customer");
    await lockDeposit(node, keys, chainId, c.address, aitbc);
    return c;
  };
  const reservation = async (jobId: string) =>
    (await h.db()("deposit_reservations").where({ job_id: jobId }))[0] as
      Record<string, unknown> | undefined;
  /** Σ of the customer's reservations still counted against its deposit. */
  const reservedMicro = async (owner: string) => {
    const rows = await h
      .db()("deposit_reservations")
      .where({ owner_address: owner })
      .whereIn("status", ["held", "owed", "batched"]);
    return rows.reduce(
      (sum: bigint, r: { amount_micro: unknown }) => sum + BigInt(String(r.amount_micro)),
      0n,
    );
  };

  beforeAll(async () => {
    chain = await startDevChain({ validators: 1, adminApiKey: nodeAdminKey, logLevel: "silent" });
    chainId = chain.nodes[0]!.chainId;
    node = createAitbcClient({
      nodeUrl: chain.nodes[0]!.url,
      apiKey: nodeAdminKey,
      http: { retries: 0 },
    });
    reader = new CountingReader(
      new NodeDepositReader(nodeChainClient(chain.nodes[0]!.url, { retries: 0 })),
    );
    h = await startHarness(kind, { chainId }, new SettlementDouble(), {
      addresses: keys,
      depositReader: reader,
    });
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    miner = await registerMiner({ id: provider.id, client: provider.client });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await chain?.close();
  });

  it("queues a deposit job at once, with no escrow on chain, and a miner claims it right away", async () => {
    const customer = await customerWithDeposit(50);
    const locksBefore = h.settlement.calls.lock;
    const job = await customer.client.coordinator.createJob({ body: inference(10, "deposit") });
    expect(job.status).toBe("queued");
    expect(job.payment).toEqual({
      status: "locked",
      funding: "deposit",
      amount: 10,
      paid: null,
      refund: null,
      lock_tx_hash: null,
      tx_hash: null,
      batch_id: null,
    });
    expect(h.settlement.calls.lock).toBe(locksBefore);
    expect(
      await failure(() => node.node.getEscrow({ path: { job_id: job.job_id } })),
    ).toMatchObject({ status: 404 });
    expect(await reservation(job.job_id)).toMatchObject({
      owner_address: customer.address,
      status: "held",
    });
    expect(BigInt(String((await reservation(job.job_id))!.amount_micro))).toBe(toMicro(10));

    // Claimable at once: no block stands between the create and the claim.
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);

    const completed = await miner.complete(claim, "Hello from the tiny model.", 36_000); // 1 AITBC
    expect(completed.payment).toEqual({
      status: "locked",
      funding: "deposit",
      amount: 10,
      paid: 1,
      refund: 9,
      lock_tx_hash: null,
      tx_hash: null,
      batch_id: null,
    });
    const owed = (await reservation(job.job_id))!;
    expect(owed).toMatchObject({
      status: "owed",
      provider_address: provider.address,
      receipt_hash: completed.receipt_hash,
    });
    expect(BigInt(String(owed.amount_micro))).toBe(toMicro(1));
    // Nothing for the escrow worker: the provider is paid by a settlement batch.
    expect(await h.db()("settlement_outbox").where({ job_id: job.job_id })).toEqual([]);
    const status = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
    expect(status.payment).toMatchObject({ funding: "deposit", status: "locked", paid: 1 });
    // 49 of the 50 stay available: what is owed still counts against the deposit.
    const rest = await customer.client.coordinator.createJob({ body: inference(49, "deposit") });
    expect(rest.payment.funding).toBe("deposit");
    const over = await failure(() =>
      customer.client.coordinator.createJob({ body: inference(0.01, "deposit") }),
    );
    expect(over).toMatchObject({ status: 402, code: "deposit_insufficient" });
    await customer.client.coordinator.cancelJob({ path: { job_id: rest.job_id } });
  });

  it("gives the reservation of a cancelled or failed job back to the deposit", async () => {
    const customer = await customerWithDeposit(10);
    const first = await customer.client.coordinator.createJob({ body: inference(10, "deposit") });
    const refused = await failure(() =>
      customer.client.coordinator.createJob({ body: inference(1, "deposit") }),
    );
    expect(refused).toMatchObject({ status: 402, code: "deposit_insufficient" });
    expect((await customer.client.coordinator.listJobs()).jobs.map((j) => j.job_id)).toEqual([
      first.job_id,
    ]);

    const cancelled = await customer.client.coordinator.cancelJob({
      path: { job_id: first.job_id },
    });
    expect(cancelled.payment).toMatchObject({
      funding: "deposit",
      status: "refunded",
      paid: 0,
      refund: 10,
      tx_hash: null,
    });
    expect(await reservation(first.job_id)).toMatchObject({ status: "released" });
    expect(await reservedMicro(customer.address)).toBe(0n);
    expect(await h.db()("settlement_outbox").where({ job_id: first.job_id })).toEqual([]);

    // The whole deposit is available again; a job that fails gives it back too.
    const second = await customer.client.coordinator.createJob({ body: inference(10, "deposit") });
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(second.job_id);
    const failed = await provider.client.coordinator.failJob({
      path: { job_id: second.job_id },
      body: { lease_id: claim.lease.lease_id, code: "executor_error", message: "boom" },
    });
    expect(failed.payment).toMatchObject({ funding: "deposit", status: "refunded", paid: 0 });
    expect(await reservation(second.job_id)).toMatchObject({ status: "released" });

    const third = await customer.client.coordinator.createJob({ body: inference(10, "deposit") });
    expect(third.payment.funding).toBe("deposit");
    await customer.client.coordinator.cancelJob({ path: { job_id: third.job_id } });
  });

  it("never reserves more than the deposit under 20 concurrent submits: the rest use escrow, or get 402", async () => {
    // 10 AITBC covers 6 budgets of 1.5 and not a 7th.
    const auto = await customerWithDeposit(10);
    h.settlement.fund(auto.apiKey, toMicro(100));
    const locksBefore = h.settlement.calls.lock;
    const jobs = await Promise.all(
      Array.from({ length: 20 }, () => auto.client.coordinator.createJob({ body: inference(1.5) })),
    );
    const fromDeposit = jobs.filter((j) => j.payment.funding === "deposit");
    const fromEscrow = jobs.filter((j) => j.payment.funding === "escrow");
    expect(fromDeposit).toHaveLength(6);
    expect(fromEscrow).toHaveLength(14);
    for (const j of fromEscrow) expect(j.payment.lock_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(h.settlement.calls.lock - locksBefore).toBe(14);
    expect(await reservedMicro(auto.address)).toBe(toMicro(9));

    const strict = await customerWithDeposit(10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        strict.client.coordinator.createJob({ body: inference(1.5, "deposit") }),
      ),
    );
    const created = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(created).toHaveLength(6);
    expect(refused).toHaveLength(14);
    for (const err of refused)
      expect(err).toMatchObject({ status: 402, code: "deposit_insufficient" });
    expect(await reservedMicro(strict.address)).toBe(toMicro(9));
    expect((await strict.client.coordinator.listJobs({ query: { limit: 100 } })).jobs).toHaveLength(
      6,
    );

    for (const j of [...jobs, ...created.map((o) => o.value)])
      await h.as(jobs.includes(j) ? auto.apiKey : strict.apiKey).coordinator.cancelJob({
        path: { job_id: j.job_id },
      });
  });

  it("takes the escrow path for funding escrow and for a customer without a deposit", async () => {
    const withDeposit = await customerWithDeposit(10);
    h.settlement.fund(withDeposit.apiKey, toMicro(10));
    const escrow = await withDeposit.client.coordinator.createJob({ body: inference(2, "escrow") });
    expect(escrow.payment).toMatchObject({ funding: "escrow", status: "locked", batch_id: null });
    expect(escrow.payment.lock_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await reservation(escrow.job_id)).toBeUndefined();

    const without = await createAccount(h, "customer");
    h.settlement.fund(without.apiKey, toMicro(10));
    const auto = await without.client.coordinator.createJob({ body: inference(2) });
    expect(auto.payment).toMatchObject({ funding: "escrow", status: "locked" });
    expect(auto.payment.lock_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    const refused = await failure(() =>
      without.client.coordinator.createJob({ body: inference(2, "deposit") }),
    );
    expect(refused).toMatchObject({ status: 402, code: "deposit_insufficient" });
    expect(h.settlement.balanceOf(without.apiKey)).toBe(toMicro(8));

    for (const [c, j] of [
      [withDeposit, escrow],
      [without, auto],
    ] as const)
      await c.client.coordinator.cancelJob({ path: { job_id: j.job_id } });
  });

  it("reads the node once for a burst of auto jobs of a customer without a deposit, yet sees a deposit made meanwhile", async () => {
    const customer = await createAccount(h, "customer");
    h.settlement.fund(customer.apiKey, toMicro(10));
    const jobs = [];
    for (let i = 0; i < 3; i++) {
      // Spaced past the short recheck of a drained deposit, within the freshness of "no deposit".
      if (i > 0) await sleep(300);
      jobs.push(await customer.client.coordinator.createJob({ body: inference(1) }));
    }
    expect(jobs.map((j) => j.payment.funding)).toEqual(["escrow", "escrow", "escrow"]);
    expect(reader.reads(customer.address)).toBe(1);

    // The cache still says "no deposit"; a job that must come from the deposit reads the node.
    await lockDeposit(node, keys, chainId, customer.address, 5);
    const readsBefore = reader.reads(customer.address);
    const strict = await customer.client.coordinator.createJob({ body: inference(2, "deposit") });
    expect(strict.payment.funding).toBe("deposit");
    expect(reader.reads(customer.address)).toBe(readsBefore + 1);
    for (const j of [...jobs, strict])
      await customer.client.coordinator.cancelJob({ path: { job_id: j.job_id } });
  });

  it("refuses an unknown funding with 400 and creates nothing", async () => {
    const customer = await customerWithDeposit(5);
    const bad = await failure(() =>
      customer.client.coordinator.createJob({
        body: { ...inference(1), funding: "credit" as Funding },
      }),
    );
    expect(bad).toMatchObject({ status: 400, code: "validation_failed" });
    expect((await customer.client.coordinator.listJobs()).jobs).toEqual([]);
    expect(await reservedMicro(customer.address)).toBe(0n);
  });
});

describe.each(testDatabaseKinds())("deposits without a node (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    const provider = await createAccount(h, "provider", "gpu-compute-pro");
    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    await registerMiner({ id: provider.id, client: provider.client });
  });
  afterAll(() => h?.close());

  it("never pays from a deposit: funding deposit is 402, auto is the escrow", async () => {
    const customer = await createAccount(h, "customer");
    h.settlement.fund(customer.apiKey, toMicro(10));
    const refused = await failure(() =>
      customer.client.coordinator.createJob({ body: inference(1, "deposit") }),
    );
    expect(refused).toMatchObject({ status: 402, code: "deposit_insufficient" });
    expect((await customer.client.coordinator.listJobs()).jobs).toEqual([]);
    const job = await customer.client.coordinator.createJob({ body: inference(1) });
    expect(job.payment).toMatchObject({ funding: "escrow", status: "locked", batch_id: null });
  });
});

describe.skipIf(!process.env.AITBC_TEST_DATABASE_URL)(
  "deposit reservations across two replicas on one PostgreSQL database",
  () => {
    const adminApiKey = "admin_" + randomBytes(16).toString("hex");
    const keys = new HeldKeys();
    const settlement = new SettlementDouble();
    let chain: DevChain;
    let node: AitbcClient;
    let database: TestDatabase;
    let a: RunningCoordinator;
    let b: RunningCoordinator;

    beforeAll(async () => {
      chain = await startDevChain({ validators: 1, adminApiKey, logLevel: "silent" });
      node = createAitbcClient({
        nodeUrl: chain.nodes[0]!.url,
        apiKey: adminApiKey,
        http: { retries: 0 },
      });
      database = createTestDatabase("postgres");
      const config = {
        ...loadCoordinatorConfig({
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_DEV: "1",
          AITBC_DATABASE_URL: database.url,
          AITBC_CHAIN_ID: chain.nodes[0]!.chainId,
        }),
        databaseSchema: database.schema!,
        port: 0,
        rateLimit: false as const,
      };
      const outside = {
        settlement,
        addresses: keys,
        depositReader: new NodeDepositReader(nodeChainClient(chain.nodes[0]!.url, { retries: 0 })),
        logger: createLogger("coordinator", "silent"),
      };
      a = await startCoordinator(config, outside);
      b = await startCoordinator(config, outside);
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await database?.destroy();
      await chain?.close();
    });

    it("keeps one deposit's reservations within it when both replicas take its jobs at once", async () => {
      const on = (r: RunningCoordinator, key: string) =>
        createAitbcClient({ coordinatorUrl: r.url, apiKey: key, http: { retries: 0 } });
      const admin = on(a, adminApiKey);
      const provider = await admin.coordinator.createAccount({
        body: { id: "gpu-compute-pro", name: "p", role: "provider" },
      });
      await on(a, provider.api_key).coordinator.registerService({
        body: serviceConfig("gpu-compute-001"),
      });
      await registerMiner({ id: provider.id, client: on(a, provider.api_key) });
      const customer = async () => {
        const c = await admin.coordinator.createAccount({ body: { name: "c", role: "customer" } });
        await lockDeposit(node, keys, chain.nodes[0]!.chainId, c.address, 10);
        return c;
      };
      const reserved = async (owner: string) => {
        const [r] = await a.context
          .db("deposit_reservations")
          .where({ owner_address: owner, status: "held" })
          .sum({ s: "amount_micro" });
        return BigInt(String((r as { s: unknown }).s ?? 0));
      };

      const strict = await customer();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          on(i % 2 ? b : a, strict.api_key).coordinator.createJob({
            body: inference(1.5, "deposit"),
          }),
        ),
      );
      const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(6);
      for (const err of refused)
        expect(err).toMatchObject({ status: 402, code: "deposit_insufficient" });
      expect(await reserved(strict.address)).toBe(toMicro(9));

      const auto = await customer();
      settlement.fund(auto.api_key, toMicro(100));
      const jobs = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          on(i % 2 ? b : a, auto.api_key).coordinator.createJob({ body: inference(1.5) }),
        ),
      );
      expect(jobs.filter((j) => j.payment.funding === "deposit")).toHaveLength(6);
      expect(jobs.filter((j) => j.payment.funding === "escrow")).toHaveLength(14);
      expect(await reserved(auto.address)).toBe(toMicro(9));
    });
  },
);
