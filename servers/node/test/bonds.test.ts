// Provider bonds on one node, through the HTTP API and the SDK: lock and top-up, the unlock delay
// and release, slashes that pay the customer and the verification pool (and every way a slash is
// refused whole), clear 400s for malformed input, and a restart keeping bonds and the pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bondLockTx,
  bondReleaseTx,
  bondSlashTx,
  bondUnlockTx,
  fromBase64Url,
  toMicro,
  txHash,
  type AitbcClient,
  type BondSlashInput,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

const DELAY = 20;

describe.each(testDatabaseKinds())("provider bonds (%s)", (kind) => {
  const [provider, customer, other] = createDevGenesis({ validators: 3 }).validators;
  let h: Harness;
  let node: AitbcClient;
  let chainId: string;

  async function ctx(key: { address: string; secret_key: string }) {
    const { pending_nonce } = await node.node.getAccount({ path: { address: key.address } });
    return { chainId, nonce: pending_nonce, secretKey: fromBase64Url(key.secret_key) };
  }
  const settlementKey = () => h.dev.settlement!;

  async function confirm(tx: SignedTx) {
    await node.node.submitTransaction({ body: tx });
    return until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash: txHash(tx) } });
      return t.status === "confirmed" ? t : undefined;
    }, `confirmation of ${tx.type}`);
  }

  async function rejected(tx: SignedTx, reason: string) {
    const err = await failure(node.node.submitTransaction({ body: tx }));
    expect(err.status).toBe(422);
    expect(err.code).toBe("tx_rejected");
    expect(err.problem.reason).toBe(reason);
    return err;
  }

  const bond = (address: string) => node.node.getBond({ path: { address } });
  const pool = async () => BigInt((await node.node.getVerificationPool()).amount_micro);
  const balance = async (address: string) =>
    BigInt((await node.node.getAccount({ path: { address } })).balance_micro);

  async function slash(
    input: Partial<BondSlashInput> & { jobId: string },
    signer = settlementKey(),
  ) {
    return bondSlashTx(await ctx(signer), {
      provider: provider!.address,
      customer: customer!.address,
      refundMicro: 1_000_000n,
      penaltyMicro: 500_000n,
      reason: "spot_check_failed",
      ...input,
    });
  }

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100, bondUnlockDelayBlocks: DELAY });
    node = h.client(0);
    chainId = h.dev.genesis.chain_id;
    for (const k of [provider!, other!])
      await node.node.requestFaucet({ body: { address: k.address, amount: 100 } });
  });
  afterAll(() => h?.close());

  it("locks a bond, tops it up, and refuses a lock above the balance", async () => {
    expect(await bond(provider!.address)).toMatchObject({
      status: "none",
      amount_micro: "0",
      unlock_height: null,
    });
    await confirm(bondLockTx(await ctx(provider!), toMicro(10)));
    await confirm(bondLockTx(await ctx(provider!), toMicro(5)));
    expect(await bond(provider!.address)).toMatchObject({
      status: "active",
      amount_micro: "15000000",
      amount: 15,
    });
    const account = await node.node.getAccount({ path: { address: provider!.address } });
    expect(account).toMatchObject({ balance_micro: "85000000", bond_micro: "15000000" });

    await rejected(bondLockTx(await ctx(provider!), toMicro(86)), "insufficient_funds");
    expect((await bond(provider!.address)).amount_micro).toBe("15000000");
    expect(await balance(provider!.address)).toBe(85_000_000n);
    const info = await node.node.getChain();
    expect(info.bond_unlock_delay_blocks).toBe(DELAY);
  });

  it("slashes a bond: the customer is paid back in full and the penalty goes to the pool", async () => {
    expect(await pool()).toBe(0n);
    const tx = await slash({ jobId: "job-1", refundMicro: 2_000_000n, penaltyMicro: 1_000_000n });
    const confirmed = await confirm(tx);
    expect(confirmed).toMatchObject({ amount_micro: "3000000", to: customer!.address });
    expect(await balance(customer!.address)).toBe(2_000_000n);
    expect(await pool()).toBe(1_000_000n);
    expect((await bond(provider!.address)).amount_micro).toBe("12000000");
    // A refund-only slash (a dispute) leaves the pool alone.
    await confirm(
      await slash({ jobId: "job-2", penaltyMicro: 0n, refundMicro: 1n, reason: "dispute_upheld" }),
    );
    expect(await pool()).toBe(1_000_000n);
    expect(await balance(customer!.address)).toBe(2_000_001n);
  });

  it("refuses a whole slash that overdraws the bond, repeats a job or names no bond", async () => {
    const before = {
      bond: (await bond(provider!.address)).amount_micro,
      customer: await balance(customer!.address),
      pool: await pool(),
      nonce: (await node.node.getAccount({ path: { address: settlementKey().address } })).nonce,
    };
    // Refund alone would fit; refund + penalty is one micro-AITBC above the bond.
    await rejected(
      await slash({ jobId: "job-over", refundMicro: BigInt(before.bond), penaltyMicro: 1n }),
      "bond_insufficient",
    );
    await rejected(await slash({ jobId: "job-1" }), "job_already_slashed");
    await rejected(await slash({ jobId: "job-none", provider: other!.address }), "bond_not_found");
    expect((await bond(provider!.address)).amount_micro).toBe(before.bond);
    expect(await balance(customer!.address)).toBe(before.customer);
    expect(await pool()).toBe(before.pool);
    const settler = await node.node.getAccount({ path: { address: settlementKey().address } });
    expect(settler.nonce).toBe(before.nonce);
  });

  it("lets only the settlement key sign a slash", async () => {
    const before = (await bond(provider!.address)).amount_micro;
    for (const signer of [provider!, other!, h.dev.treasury!, h.dev.validators[0]!])
      await rejected(await slash({ jobId: "job-forged" }, signer), "unauthorized_signer");
    expect((await bond(provider!.address)).amount_micro).toBe(before);
  });

  it("slashes during the unlock delay and returns the remainder after it", async () => {
    await rejected(bondReleaseTx(await ctx(provider!)), "bond_unlock_not_started");
    await rejected(bondUnlockTx(await ctx(other!)), "bond_not_found");
    await rejected(bondReleaseTx(await ctx(other!)), "bond_not_found");

    const unlockTx = await confirm(bondUnlockTx(await ctx(provider!)));
    const unlock = unlockTx.block_height! + DELAY;
    expect(await bond(provider!.address)).toMatchObject({
      status: "unlocking",
      unlock_height: unlock,
    });
    await rejected(bondUnlockTx(await ctx(provider!)), "bond_unlock_pending");
    await rejected(bondReleaseTx(await ctx(provider!)), "bond_unlock_pending");

    const during = await confirm(await slash({ jobId: "job-late" }));
    expect(during.block_height!).toBeLessThan(unlock);
    const rest = BigInt((await bond(provider!.address)).amount_micro);
    expect(rest).toBe(12_000_000n - 1n - 1_500_000n);

    await until(
      async () => (await node.node.getLatestBlock()).height >= unlock - 1,
      "the unlock height",
    );
    const providerBefore = await balance(provider!.address);
    const release = await confirm(bondReleaseTx(await ctx(provider!)));
    expect(release.block_height!).toBeGreaterThanOrEqual(unlock);
    expect(await balance(provider!.address)).toBe(providerBefore + rest);
    expect(await bond(provider!.address)).toMatchObject({ status: "none", amount_micro: "0" });
    await rejected(await slash({ jobId: "job-after" }), "bond_not_found");
  });

  it("cancels an unlock when the provider locks more during the delay", async () => {
    await confirm(bondLockTx(await ctx(other!), toMicro(3)));
    await confirm(bondUnlockTx(await ctx(other!)));
    expect((await bond(other!.address)).status).toBe("unlocking");
    await confirm(bondLockTx(await ctx(other!), toMicro(1)));
    expect(await bond(other!.address)).toMatchObject({
      status: "active",
      unlock_height: null,
      amount_micro: "4000000",
    });
  });

  it("answers malformed input with 400 and changes nothing", async () => {
    const good = await slash({ jobId: "job-bad", provider: other!.address });
    const cases: unknown[] = [
      { ...good, payload: { ...good.payload, reason: "because" } },
      { ...good, payload: { ...good.payload, customer: "aitbc-nope" } },
      { ...good, payload: { ...good.payload, refund: "1.5" } },
      { ...good, payload: { ...good.payload, extra: 1 } },
      { ...good, payload: { provider: other!.address, job_id: "job-bad" } },
    ];
    for (const body of cases) {
      const err = await failure(node.node.submitTransaction({ body: body as SignedTx }));
      expect(err.status).toBe(400);
      expect(err.code).toBe("validation_failed");
    }
    const bad = await failure(node.node.getBond({ path: { address: "aitbc-nope" } }));
    expect(bad.status).toBe(400);
    // A slash of nothing passes the schema (two MicroAmounts) but not the chain's rules.
    await rejected(
      await slash({
        jobId: "job-zero",
        provider: other!.address,
        refundMicro: 0n,
        penaltyMicro: 0n,
      }),
      "invalid_payload",
    );
    await rejected(bondLockTx(await ctx(other!), 0n), "invalid_payload");
    expect((await bond(other!.address)).amount_micro).toBe("4000000");
  });

  it("keeps bonds, slashed jobs and the pool across a restart", async () => {
    const before = { bond: await bond(other!.address), pool: await pool() };
    await h.stop(0);
    await h.start(0);
    node = h.client(0);
    const after = await bond(other!.address);
    expect(after.amount_micro).toBe(before.bond.amount_micro);
    expect(after.status).toBe(before.bond.status);
    expect(await pool()).toBe(before.pool);
    expect(before.pool).toBeGreaterThan(0n);
    await rejected(
      await slash({ jobId: "job-1", provider: other!.address }),
      "job_already_slashed",
    );
  });
});
