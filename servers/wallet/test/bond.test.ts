import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure, pollUntil } from "@aitbc/server-lib/testing";
import {
  startWalletHarness,
  type TestAccount,
  type WalletHarness,
} from "./support/wallet-harness.js";

// Long enough that a release sent right after the unlock is certainly too early, short enough
// for the test to wait it out.
const DELAY_BLOCKS = 30;

describe.each(testDatabaseKinds())("provider bond (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind, {}, { bondUnlockDelayBlocks: DELAY_BLOCKS });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function chainState(a: TestAccount) {
    const acct = await a.client.node.getAccount({ path: { address: a.address } });
    const bond = await a.client.node.getBond({ path: { address: a.address } });
    return {
      balance: acct.balance_micro,
      pending: acct.pending_nonce,
      bond: bond.amount_micro,
      status: bond.status,
    };
  }

  it("locks a bond once a block has it, and a second lock tops it up", async () => {
    const p = await h.account("bond-lock", "provider", 500);
    expect(await p.client.wallet.getWalletBond()).toMatchObject({
      address: p.address,
      amount: 0,
      status: "none",
      unlock_height: null,
      releasable: false,
      unlock_delay_blocks: DELAY_BLOCKS,
    });
    const first = await p.client.wallet.lockBond({ body: { amount: 120.5 } });
    expect(first).toMatchObject({
      type: "bond_lock",
      address: p.address,
      amount: 120.5,
      amount_micro: "120500000",
      bond: { status: "active", amount: 120.5, unlock_height: null },
    });
    const onChain = await p.client.node.getTransaction({ body: { tx_hash: first.tx_hash } });
    expect(onChain).toMatchObject({ status: "confirmed", type: "bond_lock", from: p.address });

    await p.client.wallet.lockBond({ body: { amount: 30 } });
    expect(await chainState(p)).toMatchObject({
      balance: "349500000",
      bond: "150500000",
      status: "active",
    });
    await pollUntil(
      async () => (await p.client.wallet.getWalletBond()).finalized.amount_micro === "150500000",
      "the finalized bond",
    );
  });

  it.each<[unknown, string]>([
    [0, "zero"],
    [-5, "negative"],
    [0.1234567, "seven decimals"],
    ["ten", "not a number"],
  ])("rejects amount %j (%s) with 400 naming body.amount, and moves nothing", async (amount) => {
    const p = await h.account(
      `bond-bad-${String(amount).replace(/[^a-z0-9]/g, "")}`,
      "provider",
      10,
    );
    const before = await chainState(p);
    const err = await failure(
      p.client.wallet.lockBond({ body: { amount: amount as unknown as number } }),
    );
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain("body.amount");
    expect(await chainState(p)).toEqual(before);
  });

  it("answers 402 when the balance is short, with no transaction", async () => {
    const p = await h.account("bond-short", "provider", 50);
    const before = await chainState(p);
    const err = await failure(p.client.wallet.lockBond({ body: { amount: 50.000001 } }));
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect(await chainState(p)).toEqual(before);
  });

  it("unlocks after the delay: too early is 409 naming the block to wait for, then the bond comes back", async () => {
    const p = await h.account("bond-unlock", "provider", 100);
    await p.client.wallet.lockBond({ body: { amount: 60 } });

    const u = await p.client.wallet.unlockBond({ body: {} });
    expect(u).toMatchObject({ type: "bond_unlock", amount: 60 });
    expect(u.bond).toMatchObject({
      status: "unlocking",
      unlock_height: u.block_height + DELAY_BLOCKS,
      releasable: false,
    });
    expect(Date.parse(u.bond.unlock_estimated_at!)).toBeGreaterThan(Date.now());

    const again = await failure(p.client.wallet.unlockBond({ body: {} }));
    expect(again).toMatchObject({ status: 409, code: "bond_unlock_pending" });
    expect(again.problem.unlock_height).toBe(u.block_height + DELAY_BLOCKS);

    const before = await chainState(p);
    const early = await failure(p.client.wallet.releaseBond({ body: {} }));
    expect(early).toMatchObject({ status: 409, code: "bond_unlock_pending" });
    expect(early.problem.unlock_height).toBe(u.block_height + DELAY_BLOCKS);
    expect(early.problem.detail).toContain(`block ${u.block_height + DELAY_BLOCKS}`);
    expect(await chainState(p)).toEqual(before);

    await pollUntil(
      async () => (await p.client.wallet.getWalletBond()).releasable,
      "the bond's unlock height",
      20_000,
    );
    const r = await p.client.wallet.releaseBond({ body: {} });
    expect(r).toMatchObject({ type: "bond_release", amount: 60, bond: { status: "none" } });
    expect(r.block_height).toBeGreaterThanOrEqual(u.block_height + DELAY_BLOCKS);
    expect(await chainState(p)).toMatchObject({
      balance: "100000000",
      bond: "0",
      status: "none",
    });
  });

  it("says what to do when there is nothing to unlock or release", async () => {
    const p = await h.account("bond-nothing", "provider", 10);
    const noBond = await failure(p.client.wallet.unlockBond({ body: {} }));
    expect(noBond).toMatchObject({ status: 409, code: "conflict" });
    await p.client.wallet.lockBond({ body: { amount: 5 } });
    const notStarted = await failure(p.client.wallet.releaseBond({ body: {} }));
    expect(notStarted).toMatchObject({ status: 409, code: "bond_unlock_not_started" });
    expect(await chainState(p)).toMatchObject({ bond: "5000000", status: "active" });
  });

  it("a lock during the unlock tops the bond up and cancels the unlock", async () => {
    const p = await h.account("bond-cancel", "provider", 100);
    await p.client.wallet.lockBond({ body: { amount: 20 } });
    await p.client.wallet.unlockBond({ body: {} });
    const topUp = await p.client.wallet.lockBond({ body: { amount: 5 } });
    expect(topUp.bond).toMatchObject({ status: "active", amount: 25, unlock_height: null });
    const release = await failure(p.client.wallet.releaseBond({ body: {} }));
    expect(release).toMatchObject({ status: 409, code: "bond_unlock_not_started" });
  });

  it("needs a provider's own key: 401 without, 403 for a customer; anyone may read an address's bond", async () => {
    const customer = await h.account("bond-customer", "customer", 10);
    expect(await failure(h.anonymous.wallet.lockBond({ body: { amount: 1 } }))).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    expect(await failure(customer.client.wallet.lockBond({ body: { amount: 1 } }))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(await chainState(customer)).toMatchObject({ pending: 0, bond: "0" });
    const provider = await h.account("bond-read", "provider", 10);
    await provider.client.wallet.lockBond({ body: { amount: 2 } });
    expect(
      await customer.client.wallet.getWalletBond({ query: { address: provider.address } }),
    ).toMatchObject({ address: provider.address, amount: 2, status: "active" });
  });

  it("a retry with the same Idempotency-Key locks once", async () => {
    const p = await h.account("bond-retry", "provider", 100);
    const key = { "Idempotency-Key": "bond-lock-1" };
    const first = await p.client.wallet.lockBond({ body: { amount: 40 }, headers: key });
    const replay = await p.client.wallet.lockBond({ body: { amount: 40 }, headers: key });
    expect(replay.tx_hash).toBe(first.tx_hash);
    expect(await chainState(p)).toMatchObject({ balance: "60000000", bond: "40000000" });
  });
});
