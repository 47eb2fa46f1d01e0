import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure, pollUntil } from "@aitbc/server-lib/testing";
import {
  startWalletHarness,
  type TestAccount,
  type WalletHarness,
} from "./support/wallet-harness.js";

// Long enough that a release sent right after the withdrawal is certainly too early, short enough
// for the test to wait it out.
const DELAY_BLOCKS = 30;

describe.each(testDatabaseKinds())("prepaid deposit (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind, {}, { depositWithdrawDelayBlocks: DELAY_BLOCKS });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function chainState(a: TestAccount) {
    const acct = await a.client.node.getAccount({ path: { address: a.address } });
    const dep = await a.client.node.getDeposit({ path: { address: a.address } });
    return {
      balance: acct.balance_micro,
      pending: acct.pending_nonce,
      deposit: dep.amount_micro,
      status: dep.status,
    };
  }

  async function untilReleasable(a: TestAccount) {
    await pollUntil(
      async () => (await a.client.wallet.getDeposit()).releasable,
      "the deposit's unlock height",
      20_000,
    );
  }

  it("locks a deposit once a block has it, and a second lock tops it up", async () => {
    const c = await h.account("dep-lock", "customer", 500);
    expect(await c.client.wallet.getDeposit()).toMatchObject({
      address: c.address,
      amount: 0,
      status: "none",
      unlock_height: null,
      releasable: false,
      withdraw_delay_blocks: DELAY_BLOCKS,
    });
    const first = await c.client.wallet.lockDeposit({ body: { amount: 120.5 } });
    expect(first).toMatchObject({
      type: "deposit_lock",
      address: c.address,
      amount: 120.5,
      amount_micro: "120500000",
      deposit: { status: "active", amount: 120.5, unlock_height: null },
    });
    expect(first.block_height).toBeGreaterThan(0);
    const onChain = await c.client.node.getTransaction({ body: { tx_hash: first.tx_hash } });
    expect(onChain).toMatchObject({ status: "confirmed", type: "deposit_lock", from: c.address });

    await c.client.wallet.lockDeposit({ body: { amount: 30 } });
    expect(await chainState(c)).toMatchObject({
      balance: "349500000",
      deposit: "150500000",
      status: "active",
    });
    // The finalized view catches up with the head.
    await pollUntil(
      async () => (await c.client.wallet.getDeposit()).finalized.amount_micro === "150500000",
      "the finalized deposit",
    );
  });

  it.each<[unknown, string]>([
    [0, "zero"],
    [-5, "negative"],
    [0.1234567, "seven decimals"],
    ["ten", "not a number"],
    [0.001, "below the chain's minimum lock"],
  ])("rejects amount %j (%s) with 400 naming body.amount, and moves nothing", async (amount) => {
    const c = await h.account(
      `dep-bad-${String(amount).replace(/[^a-z0-9]/g, "")}`,
      "customer",
      10,
    );
    const before = await chainState(c);
    const err = await failure(
      c.client.wallet.lockDeposit({ body: { amount: amount as unknown as number } }),
    );
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain("body.amount");
    expect(await chainState(c)).toEqual(before);
  });

  it("answers 402 when the balance is short, with no transaction", async () => {
    const c = await h.account("dep-short", "customer", 50);
    const before = await chainState(c);
    const err = await failure(c.client.wallet.lockDeposit({ body: { amount: 50.000001 } }));
    expect(err).toMatchObject({ status: 402, code: "insufficient_funds" });
    expect(await chainState(c)).toEqual(before);
  });

  it("withdraws after the delay: too early is 409 with the height to wait for, then the rest comes back", async () => {
    const c = await h.account("dep-withdraw", "customer", 100);
    await c.client.wallet.lockDeposit({ body: { amount: 60 } });

    const w = await c.client.wallet.withdrawDeposit({ body: {} });
    expect(w).toMatchObject({ type: "deposit_withdraw", amount: 60 });
    expect(w.deposit).toMatchObject({
      status: "withdrawing",
      unlock_height: w.block_height + DELAY_BLOCKS,
      releasable: false,
    });
    expect(Date.parse(w.deposit.unlock_estimated_at!)).toBeGreaterThan(Date.now());

    const again = await failure(c.client.wallet.withdrawDeposit({ body: {} }));
    expect(again).toMatchObject({ status: 409, code: "withdrawal_pending" });
    expect(again.problem.unlock_height).toBe(w.block_height + DELAY_BLOCKS);

    const before = await chainState(c);
    const early = await failure(c.client.wallet.releaseDeposit({ body: {} }));
    expect(early).toMatchObject({ status: 409, code: "withdrawal_pending" });
    expect(early.problem.unlock_height).toBe(w.block_height + DELAY_BLOCKS);
    expect(early.problem.detail).toContain(`block ${w.block_height + DELAY_BLOCKS}`);
    expect(await chainState(c)).toEqual(before);

    await untilReleasable(c);
    const r = await c.client.wallet.releaseDeposit({ body: {} });
    expect(r).toMatchObject({ type: "deposit_release", amount: 60, deposit: { status: "none" } });
    expect(r.block_height).toBeGreaterThanOrEqual(w.block_height + DELAY_BLOCKS);
    expect(await chainState(c)).toMatchObject({
      balance: "100000000",
      deposit: "0",
      status: "none",
    });
  });

  it("says what to do when there is nothing to withdraw or release", async () => {
    const c = await h.account("dep-nothing", "customer", 10);
    const noDeposit = await failure(c.client.wallet.withdrawDeposit({ body: {} }));
    expect(noDeposit).toMatchObject({ status: 409, code: "conflict" });
    await c.client.wallet.lockDeposit({ body: { amount: 5 } });
    const notStarted = await failure(c.client.wallet.releaseDeposit({ body: {} }));
    expect(notStarted).toMatchObject({ status: 409, code: "withdrawal_not_started" });
    expect(await chainState(c)).toMatchObject({ deposit: "5000000", status: "active" });
  });

  it("a lock during the withdrawal tops the deposit up and cancels the withdrawal", async () => {
    const c = await h.account("dep-cancel", "customer", 100);
    await c.client.wallet.lockDeposit({ body: { amount: 20 } });
    await c.client.wallet.withdrawDeposit({ body: {} });
    const topUp = await c.client.wallet.lockDeposit({ body: { amount: 5 } });
    expect(topUp.deposit).toMatchObject({
      status: "active",
      amount: 25,
      unlock_height: null,
      releasable: false,
    });
    const release = await failure(c.client.wallet.releaseDeposit({ body: {} }));
    expect(release).toMatchObject({ status: 409, code: "withdrawal_not_started" });
  });

  it("needs a customer's own key: 401 without, 403 for a provider", async () => {
    const provider = await h.account("dep-provider", "provider", 10);
    expect(await failure(h.anonymous.wallet.lockDeposit({ body: { amount: 1 } }))).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    expect(await failure(h.anonymous.wallet.getDeposit())).toMatchObject({ status: 401 });
    expect(
      await failure(provider.client.wallet.lockDeposit({ body: { amount: 1 } })),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(await chainState(provider)).toMatchObject({ pending: 0, deposit: "0" });
  });

  it("a retry with the same Idempotency-Key locks once, also after a restart; the withdrawal survives it", async () => {
    const c = await h.account("dep-restart", "customer", 100);
    const key = { "Idempotency-Key": "deposit-lock-1" };
    const first = await c.client.wallet.lockDeposit({ body: { amount: 40 }, headers: key });
    const w = await c.client.wallet.withdrawDeposit({ body: {} });

    await h.restartWallet();
    // The restarted wallet listens on a new port.
    const after = { ...c, client: h.clientWithKey(c.apiKey) };
    const replay = await after.client.wallet.lockDeposit({ body: { amount: 40 }, headers: key });
    expect(replay.tx_hash).toBe(first.tx_hash);
    expect(await after.client.wallet.getDeposit()).toMatchObject({
      amount: 40,
      status: "withdrawing",
      unlock_height: w.deposit.unlock_height,
    });
    await untilReleasable(after);
    const r = await after.client.wallet.releaseDeposit({ body: {} });
    expect(r.amount).toBe(40);
    expect(await chainState(after)).toMatchObject({ balance: "100000000", status: "none" });
  });
});
