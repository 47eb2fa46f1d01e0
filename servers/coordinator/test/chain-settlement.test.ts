// The coordinator against the real chain: a dev chain (@aitbc/node) and the wallet daemon
// (@aitbc/wallet), in-process. Account addresses come from the wallet, budgets are locked in
// escrow with the customer's own key, releases and refunds are signed with the settlement key and
// confirmed on chain, and the balances add up (the verification fee of a release is in the
// verification pool). A release counts as settled only once its block is
// final: the chain starts with one of its two validators down, so blocks come but none is final,
// and the payment stays `locked` until the second validator starts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLogger,
  createTestDatabase,
  nodeChainClient,
  type TestDatabase,
} from "@aitbc/server-lib";
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import { startDevChain, startNode, type DevChain, type RunningNode } from "@aitbc/node";
import { loadWalletConfig, startWallet, type RunningWallet } from "@aitbc/wallet";
import {
  ChainSettlement,
  settlementKey,
  loadCoordinatorConfig,
  startCoordinator,
  type RunningCoordinator,
} from "../src/index.js";
import { WalletAddressProvider } from "../src/domain/accounts/wallet-address-provider.js";
import { LateAddresses, LateSettlement } from "./support/late-binding.js";
import { eventually, failure, serviceConfig } from "./support/harness.js";
import { registerMiner, TINY_MODEL } from "./support/miner-double.js";

describe("settlement on the real chain (sqlite)", () => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const logger = createLogger("coordinator", process.env.AITBC_LOG_LEVEL ?? "silent");
  let chain: DevChain;
  let validator2: RunningNode | undefined;
  let wallet: RunningWallet;
  let coordinator: RunningCoordinator;
  let database: TestDatabase;
  let dir: string;
  let admin: AitbcClient;
  const as = (apiKey: string) =>
    createAitbcClient({
      coordinatorUrl: coordinator.url,
      nodeUrl: chain.nodes[0]!.url,
      walletUrl: wallet.url,
      apiKey,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-coord-chain-"));
    chain = await startDevChain({ validators: 2, run: 1, adminApiKey, logLevel: "silent" });
    const node = chain.nodes[0]!;
    database = createTestDatabase("sqlite");
    const settlement = new LateSettlement();
    const addresses = new LateAddresses();
    coordinator = await startCoordinator(
      {
        ...loadCoordinatorConfig({
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_DEV: "1",
          AITBC_DATABASE_URL: database.url,
          AITBC_CHAIN_ID: node.chainId,
        }),
        port: 0,
        rateLimit: false,
        sweepIntervalMs: 100,
        settleWaitMs: 2_000,
        // The scripted miner bills 36 s (1 AITBC) for a job it holds for milliseconds.
        meteringToleranceMs: 3_600_000,
      },
      { settlement, addresses, logger },
    );
    wallet = await startWallet(
      {
        ...loadWalletConfig({
          AITBC_DATA_DIR: dir,
          AITBC_ADMIN_API_KEY: adminApiKey,
          AITBC_DEV: "1",
          AITBC_WALLET_PASSPHRASE: "test passphrase for the wallet",
          AITBC_NODE_URL: node.url,
          AITBC_COORDINATOR_URL: coordinator.url,
          AITBC_CHAIN_ID: node.chainId,
        }),
        port: 0,
        identityCacheMs: 0,
        rateLimitPerSecond: 0,
      },
      { logger: createLogger("wallet", "silent") },
    );
    settlement.target = new ChainSettlement({
      walletUrl: wallet.url,
      chain: nodeChainClient(node.url, { retries: 0 }),
      key: settlementKey(chain.settlement!.secret_key, node.chainId),
      logger,
      pollIntervalMs: 50,
    });
    addresses.target = new WalletAddressProvider(wallet.url, adminApiKey);
    admin = as(adminApiKey);
  }, 60_000);

  afterAll(async () => {
    await coordinator?.close();
    await wallet?.close();
    await validator2?.close();
    await chain?.close();
    await database?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("locks, releases and refunds on chain; the balances add up", async () => {
    const mk = async (id: string, role: "customer" | "provider") => {
      const a = await admin.coordinator.createAccount({ body: { id, name: id, role } });
      return { ...a, client: as(a.api_key) };
    };
    const provider = await mk("gpu-compute-pro", "provider");
    const customer = await mk("customer-123", "customer");
    // The wallet made the addresses and answers for them.
    expect((await customer.client.wallet.getBalance()).address).toBe(customer.address);
    await admin.node.requestFaucet({ body: { address: customer.address, amount: 100 } });
    await eventually(
      async () => (await customer.client.wallet.getBalance()).balance === 100,
      "the faucet",
    );

    await provider.client.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    const miner = await registerMiner({ id: provider.id, client: provider.client });
    const job = await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "Hello AITBC" },
        budget: { max_cost: 10, currency: "AITBC" },
      },
    });
    expect(job.payment.lock_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    const locked = await admin.node.getEscrow({ path: { job_id: job.job_id } });
    expect(locked).toMatchObject({ status: "locked", amount: 10, owner: customer.address });

    const claim = (await miner.claim(5))!;
    const completed = await miner.complete(claim, "Hello from the tiny model.", 36_000); // 1 AITBC
    // The release is in a block, but no block is final with one of two validators down.
    const released = await eventually(async () => {
      const e = await admin.node.getEscrow({ path: { job_id: job.job_id } });
      return e.release_tx_hash ? e : undefined;
    }, "the release in a block");
    const inBlock = await admin.node.getTransaction({
      body: { tx_hash: released.release_tx_hash! },
    });
    expect(inBlock).toMatchObject({ status: "confirmed", finalized: false });
    const paymentOf = async (jobId: string) =>
      (await customer.client.coordinator.getJobStatus({ path: { job_id: jobId } })).payment;
    // Give the settlement worker (polling every 50 ms) several blocks to count it: it must not.
    const releaseHeight = inBlock.block_height!;
    await eventually(
      async () => (await admin.node.getLatestBlock()).height >= releaseHeight + 4,
      "blocks on top of the release",
    );
    expect(completed.payment.status).toBe("locked");
    expect((await paymentOf(job.job_id)).status).toBe("locked");

    validator2 = await startNode({
      host: "127.0.0.1",
      port: 0,
      dataDir: dir,
      databaseUrl: join(dir, "validator-2.sqlite"),
      genesis: chain.genesis,
      validatorSecretKey: Buffer.from(chain.validators[1]!.secret_key, "base64url"),
      peers: [chain.nodes[0]!.p2pUrl],
      logLevel: "silent",
    });
    const settled = await eventually(
      async () => {
        const p = await paymentOf(job.job_id);
        return p.status === "settled" ? p : undefined;
      },
      "the release to be final",
      20_000,
    );
    expect(settled).toMatchObject({ status: "settled", paid: 1, refund: 9 });
    const done = { payment: settled, receipt_hash: completed.receipt_hash };
    const escrow = await admin.node.getEscrow({ path: { job_id: job.job_id } });
    expect(escrow).toMatchObject({
      status: "settled",
      paid: 1,
      refund: 9,
      provider: provider.address,
      receipt_hash: done.receipt_hash,
      release_tx_hash: done.payment.tx_hash,
    });
    const tx = await admin.node.getTransaction({ body: { tx_hash: done.payment.tx_hash! } });
    expect(tx).toMatchObject({ status: "confirmed", finalized: true });
    // The default verification fee (5 %) of what was paid went to the pool, out of the
    // provider's side: the customer paid the receipt's cost and no more.
    expect(tx.tx.payload).toMatchObject({ paid: "1000000", pool_fee: "50000" });
    expect((await provider.client.wallet.getBalance()).balance).toBe(0.95);
    expect((await admin.node.getVerificationPool()).amount_micro).toBe("50000");
    expect((await customer.client.wallet.getBalance()).balance).toBe(99);

    // A cancelled job is refunded in full on chain.
    const second = await customer.client.coordinator.createJob({
      body: {
        service_id: "gpu-compute-001",
        requirements: { task_type: "model_training", framework: "PyTorch" },
        budget: { max_cost: 20, currency: "AITBC" },
      },
    });
    expect((await customer.client.wallet.getBalance()).balance).toBe(79);
    await customer.client.coordinator.cancelJob({ path: { job_id: second.job_id } });
    const refunded = await eventually(
      async () => {
        const s = await customer.client.coordinator.getJobStatus({
          path: { job_id: second.job_id },
        });
        return s.payment.status === "refunded" ? s : undefined;
      },
      "the on-chain refund",
      20_000,
    );
    expect(refunded.payment.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await admin.node.getEscrow({ path: { job_id: second.job_id } })).toMatchObject({
      status: "refunded",
      paid: 0,
      refund: 20,
    });
    expect((await customer.client.wallet.getBalance()).balance).toBe(99);

    // More than the balance: 402 from the wallet, no job, no escrow.
    const err = await failure(() =>
      customer.client.coordinator.createJob({
        body: {
          requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "x" },
          budget: { max_cost: 500, currency: "AITBC" },
        },
      }),
    );
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect((await customer.client.coordinator.listJobs()).jobs).toHaveLength(2);
    expect((await customer.client.wallet.getBalance()).balance).toBe(99);
  });
});
