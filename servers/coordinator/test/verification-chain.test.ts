// The cheating miners on a real three-validator chain: the cheat's provider has locked a bond
// with `bond_lock`, each cheat's job is spot-checked (rate 1) by a re-run on an honest provider's
// miner, and the failed check ends in a `bond_slash` signed by the settlement key that pays the
// customer back what it paid, in a block, and moves the penalty into the verification pool. The
// provider's reputation shows every failure.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bondLockTx, createAitbcClient, toMicro, type AitbcClient } from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import { ChainBatchPort, NodeDepositReader } from "../src/index.js";
import { ChainSlashPort } from "../src/domain/verification/chain-slash-port.js";
import { settlementKey } from "../src/domain/settlement/settlement-key.js";
import { InclusionWatcher, nodeChainClient } from "@aitbc/server-lib";
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
import { CHEATS, executedRun } from "./support/executed-run.js";

describe("cheating miners caught, customers paid back from the bond on chain (sqlite)", () => {
  const nodeAdminKey = "admin_" + randomBytes(16).toString("hex");
  const keys = new HeldKeys();
  let chain: DevChain;
  let node: AitbcClient;
  let chainId: string;
  let h: Harness;
  let cheat: Account;
  let customer: Account;
  let cheatMiner: TestMiner;
  let honestMiner: TestMiner;

  beforeAll(async () => {
    chain = await startDevChain({ validators: 3, adminApiKey: nodeAdminKey, logLevel: "silent" });
    const first = chain.nodes[0]!;
    chainId = first.chainId;
    node = createAitbcClient({ nodeUrl: first.url, apiKey: nodeAdminKey, http: { retries: 0 } });
    const client = nodeChainClient(first.url, { retries: 0 });
    const key = settlementKey(chain.settlement!.secret_key, chainId);
    const inclusions = new InclusionWatcher(client, { pollMs: 50 });
    h = await startHarness(
      "sqlite",
      { chainId, spotCheckRate: 1, settlementBatchMinItems: 1, settlementBatchIntervalMs: 200 },
      new SettlementDouble(),
      {
        addresses: keys,
        depositReader: new NodeDepositReader(client),
        batchChain: new ChainBatchPort(client, key),
        slashChain: new ChainSlashPort(client, inclusions, key),
      },
    );
    cheat = await createAccount(h, "provider", "cheap-gpu");
    const honest = await createAccount(h, "provider", "honest-gpu");
    customer = await createAccount(h, "customer", "chain-customer");
    await cheat.client.coordinator.registerService({
      body: serviceConfig("cheap-svc", { pricing: { rate_per_hour: 50, currency: "AITBC" } }),
    });
    await honest.client.coordinator.registerService({ body: serviceConfig("honest-svc") });
    cheatMiner = await registerMiner(cheat);
    honestMiner = await registerMiner(honest);

    // The cheat's provider locks a bond of 20 AITBC with its own key.
    await node.node.requestFaucet({ body: { address: cheat.address, amount: 25 } });
    await eventually(
      async () =>
        BigInt((await node.node.getAccount({ path: { address: cheat.address } })).balance_micro) >=
        toMicro(25),
      "the provider's faucet grant",
    );
    const { pending_nonce } = await node.node.getAccount({ path: { address: cheat.address } });
    await node.node.submitTransaction({
      body: bondLockTx(
        { chainId, nonce: pending_nonce, secretKey: keys.secretKeyOf(cheat.address) },
        toMicro(20),
      ),
    });
    await eventually(async () => {
      const b = await node.node.getBond({ path: { address: cheat.address } });
      return BigInt(b.amount_micro) === toMicro(20);
    }, "the bond");
    await lockDeposit(node, keys, chainId, customer.address, 50);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await chain?.close();
  });

  const balanceOf = async (address: string) =>
    BigInt((await node.node.getAccount({ path: { address } })).balance_micro);
  const bondOf = async (address: string) =>
    BigInt((await node.node.getBond({ path: { address } })).amount_micro);

  it("catches each cheat at a check rate of 1 and pays its customer back from the bond", async () => {
    const reputation = () =>
      h.as(undefined).coordinator.getProviderReputation({ path: { provider_id: "cheap-gpu" } });
    expect((await reputation()).checks).toEqual({ checked: 0, passed: 0, failed: 0 });
    for (const [i, [name, how]] of CHEATS.entries()) {
      const job = await customer.client.coordinator.createJob({
        body: {
          service_id: "cheap-svc",
          requirements: {
            task_type: "inference",
            model: TINY_MODEL.name,
            prompt: `What is the capital of France? (${i})`,
            max_tokens: 64,
            temperature: 0,
          },
          budget: { max_cost: 2, currency: "AITBC" },
          funding: "deposit",
        },
      });
      const claim = (await eventually(() => cheatMiner.claim(0), "the cheat's claim"))!;
      expect(claim.job.job_id).toBe(job.job_id);
      // 36 s at 50 AITBC an hour: the customer pays 0.5 AITBC.
      const done = await executedRun(cheatMiner, claim, { ...how, durationMs: 36_000 });
      const paid = toMicro(done.payment.paid!);
      expect(paid, name).toBe(toMicro(0.5));

      const balanceBefore = await balanceOf(customer.address);
      const bondBefore = await bondOf(cheat.address);
      const rerun = (await eventually(() => honestMiner.claim(0), `the re-run (${name})`))!;
      expect(rerun.job.provider_id).toBe("honest-gpu");
      await executedRun(honestMiner, rerun);

      const slash = await eventually(
        async () => {
          const row = await h.db()("verification_slashes").where({ job_id: job.job_id }).first();
          return row?.status === "confirmed" ? row : undefined;
        },
        `the slash of the cheat that ${name}, in a block`,
        30_000,
      );
      const tx = await node.node.getTransaction({ body: { tx_hash: slash.tx_hash } });
      expect(tx, name).toMatchObject({ status: "confirmed", block_height: slash.block_height });
      const penalty = paid / 2n;
      expect(await balanceOf(customer.address), name).toBe(balanceBefore + paid);
      expect(await bondOf(cheat.address), name).toBe(bondBefore - paid - penalty);
      expect((await reputation()).checks, name).toEqual({
        checked: i + 1,
        passed: 0,
        failed: i + 1,
      });
    }
    const pool = await node.node.getVerificationPool();
    expect(BigInt(pool.amount_micro)).toBeGreaterThanOrEqual(3n * (toMicro(0.5) / 2n));
  }, 180_000);
});
