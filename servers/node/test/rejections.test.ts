// Every rejection reason, through the HTTP API and the SDK: 422 tx_rejected with the reason, and
// nothing changes (balance, nonce, pending nonce, escrow).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fromBase64Url,
  signTx,
  toMicro,
  txHash,
  type AitbcClient,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { allocate, createDevGenesis } from "../src/index.js";
import { failure } from "@aitbc/server-lib/testing";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";

describe.each(testDatabaseKinds())("transaction rejections (%s)", (kind) => {
  let h: Harness;
  let node: AitbcClient;
  const [alice, bob] = createDevGenesis({ validators: 2 }).validators;
  let chainId: string;

  async function account(address: string) {
    return node.node.getAccount({ path: { address } });
  }

  async function next(key: { address: string } | undefined, nonceDelta = 0) {
    return (await account(key!.address)).pending_nonce + nonceDelta;
  }

  function sign(
    secret: string,
    type: SignedTx["type"],
    payload: SignedTx["payload"],
    nonce: number,
    chain = chainId,
  ): SignedTx {
    return signTx({ type, chainId: chain, nonce, payload } as never, fromBase64Url(secret));
  }

  async function confirmed(hash: string) {
    return until(async () => {
      const t = await node.node.getTransaction({ body: { tx_hash: hash } });
      return t.status === "confirmed" ? t : undefined;
    }, `confirmation of ${hash}`);
  }

  /**
   * Submits, expects 422 tx_rejected with `reason`, and checks the sender is untouched. The
   * sender's earlier transactions are let into a block first, so the comparison sees only what the
   * rejected one could have changed; `stillPending` skips that wait (then only the pending nonce
   * and the open escrows are compared).
   */
  async function expectRejected(tx: SignedTx, reason: string, stillPending = false) {
    if (!stillPending)
      await until(async () => {
        const a = await account(tx.from);
        return a.nonce === a.pending_nonce;
      }, "the sender's pending transactions to settle");
    const before = await account(tx.from);
    const err = await failure(node.node.submitTransaction({ body: tx }));
    expect(err.status).toBe(422);
    expect(err.code).toBe("tx_rejected");
    expect(err.problem.reason).toBe(reason);
    const after = await account(tx.from);
    if (stillPending) expect(after.pending_nonce).toBe(before.pending_nonce);
    else expect(after).toEqual(before);
    return err;
  }

  beforeAll(async () => {
    // Small amounts keep the cases readable; escrow_below_minimum has its own test.
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100, minEscrow: "1" });
    node = h.client(0);
    chainId = h.dev.genesis.chain_id;
    const funded = await node.node.requestFaucet({
      body: { address: alice!.address, amount: 100 },
    });
    expect(funded.status).toBe("confirmed");
  });
  afterAll(() => h?.close());

  it("bad_signature: a payload changed after signing", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "1000" },
      await next(alice),
    );
    await expectRejected(
      { ...tx, payload: { to: bob!.address, amount: "9000000" } },
      "bad_signature",
    );
  });

  it("bad_signature: `from` is not the signer's address", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "1000" },
      await next(alice),
    );
    const err = await failure(node.node.submitTransaction({ body: { ...tx, from: bob!.address } }));
    expect(err.problem.reason).toBe("bad_signature");
  });

  it("wrong_chain: signed for another chain", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "1" },
      await next(alice),
      "other-chain",
    );
    await expectRejected(tx, "wrong_chain");
  });

  it("nonce_reused: replaying a confirmed transaction moves nothing twice", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "2000000" },
      await next(alice),
    );
    const { tx_hash } = await node.node.submitTransaction({ body: tx });
    await confirmed(tx_hash);
    const bobBefore = await account(bob!.address);
    const err = await expectRejected(tx, "nonce_reused");
    expect(err.problem.expected_nonce).toBe(tx.nonce + 1);
    expect(await account(bob!.address)).toEqual(bobBefore);
  });

  it("nonce_gap: a nonce beyond the pending one", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "1" },
      await next(alice, 1),
    );
    await expectRejected(tx, "nonce_gap");
  });

  it("insufficient_funds: more than the balance", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: toMicro(1000).toString() },
      await next(alice),
    );
    await expectRejected(tx, "insufficient_funds");
    const lock = sign(
      alice!.secret_key,
      "escrow_lock",
      { job_id: "too-big", amount: toMicro(1000).toString() },
      await next(alice),
    );
    await expectRejected(lock, "insufficient_funds");
  });

  it("unauthorized_signer: a release, a mint or a faucet signed by the wrong key", async () => {
    const lock = sign(
      alice!.secret_key,
      "escrow_lock",
      { job_id: "job-wrong-key", amount: "5000" },
      await next(alice),
    );
    await confirmed((await node.node.submitTransaction({ body: lock })).tx_hash);
    const release = sign(
      alice!.secret_key,
      "escrow_release",
      { job_id: "job-wrong-key", paid: "5000", refund: "0", provider: alice!.address },
      await next(alice),
    );
    await expectRejected(release, "unauthorized_signer");
    expect((await node.node.getEscrow({ path: { job_id: "job-wrong-key" } })).status).toBe(
      "locked",
    );
    await expectRejected(
      sign(alice!.secret_key, "mint", { to: alice!.address, amount: "1" }, await next(alice)),
      "unauthorized_signer",
    );
    await expectRejected(
      sign(alice!.secret_key, "faucet", { to: alice!.address, amount: "1" }, await next(alice)),
      "unauthorized_signer",
    );
    // The treasury may mint, but not release.
    const treasury = h.dev.treasury!;
    await expectRejected(
      sign(
        treasury.secret_key,
        "escrow_release",
        { job_id: "job-wrong-key", paid: "0", refund: "5000" },
        await next(treasury),
      ),
      "unauthorized_signer",
    );
  });

  it("escrow_exists, escrow_released, escrow_not_found and amount_mismatch", async () => {
    const settlement = h.dev.settlement!;
    const lock = sign(
      alice!.secret_key,
      "escrow_lock",
      { job_id: "job-twice", amount: "7000" },
      await next(alice),
    );
    await node.node.submitTransaction({ body: lock });
    // Still pending: a second lock of the same job is refused already.
    await expectRejected(
      sign(
        alice!.secret_key,
        "escrow_lock",
        { job_id: "job-twice", amount: "1" },
        await next(alice),
      ),
      "escrow_exists",
      true,
    );
    await expectRejected(
      sign(
        settlement.secret_key,
        "escrow_release",
        { job_id: "no-such-job", paid: "0", refund: "1" },
        await next(settlement),
      ),
      "escrow_not_found",
    );
    await confirmed(txHash(lock));
    await expectRejected(
      sign(
        settlement.secret_key,
        "escrow_release",
        { job_id: "job-twice", paid: "3000", refund: "3000", provider: bob!.address },
        await next(settlement),
      ),
      "amount_mismatch",
    );
    const release = sign(
      settlement.secret_key,
      "escrow_release",
      { job_id: "job-twice", paid: "3000", refund: "4000", provider: bob!.address },
      await next(settlement),
    );
    await confirmed((await node.node.submitTransaction({ body: release })).tx_hash);
    await expectRejected(
      sign(
        settlement.secret_key,
        "escrow_release",
        { job_id: "job-twice", paid: "0", refund: "7000" },
        await next(settlement),
      ),
      "escrow_released",
    );
    const escrow = await node.node.getEscrow({ path: { job_id: "job-twice" } });
    expect(escrow).toMatchObject({ status: "settled", paid_micro: "3000", refund_micro: "4000" });
  });

  it("invalid_payload: zero amounts, a paid release without provider, a payload of another type", async () => {
    const settlement = h.dev.settlement!;
    await expectRejected(
      sign(alice!.secret_key, "transfer", { to: bob!.address, amount: "0" }, await next(alice)),
      "invalid_payload",
    );
    const lock = sign(
      alice!.secret_key,
      "escrow_lock",
      { job_id: "job-noprov", amount: "10" },
      await next(alice),
    );
    await confirmed((await node.node.submitTransaction({ body: lock })).tx_hash);
    await expectRejected(
      sign(
        settlement.secret_key,
        "escrow_release",
        { job_id: "job-noprov", paid: "10", refund: "0" },
        await next(settlement),
      ),
      "invalid_payload",
    );
    await expectRejected(
      sign(
        alice!.secret_key,
        "transfer",
        { job_id: "x", amount: "10" } as never,
        await next(alice),
      ),
      "invalid_payload",
    );
  });

  it("invalid_payload: a string without canonical JSON (a lone surrogate)", async () => {
    const treasury = h.dev.treasury!;
    const tx = sign(
      treasury.secret_key,
      "mint",
      { to: alice!.address, amount: "1", reference: "ok" },
      await next(treasury),
    );
    const res = await fetch(`${h.nodes[0]!.url}/api/v1/transaction/submit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(tx).replace('"reference":"ok"', '"reference":"\\ud800"'),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "tx_rejected", reason: "invalid_payload" });
  });

  it("schema violations are 400 validation_failed naming the field", async () => {
    const tx = sign(
      alice!.secret_key,
      "transfer",
      { to: bob!.address, amount: "1" },
      await next(alice),
    );
    const { signature: _drop, ...unsigned } = tx;
    const err = await failure(node.node.submitTransaction({ body: unsigned as never }));
    expect(err.status).toBe(400);
    expect(err.code).toBe("validation_failed");
    expect(JSON.stringify(err.problem.errors)).toContain("signature");
    const amountNumber = await failure(node.node.submitTransaction({ body: { ...tx, nonce: -1 } }));
    expect(amountNumber.code).toBe("validation_failed");
  });
});

describe.each(testDatabaseKinds())("a chain without faucet (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100, dev: false });
  });
  afterAll(() => h?.close());

  it("refuses faucet transactions and the faucet endpoint with faucet_disabled", async () => {
    const node = h.client(0);
    const v = h.dev.validators[0]!;
    const tx = signTx(
      {
        type: "faucet",
        chainId: h.dev.genesis.chain_id,
        nonce: 0,
        payload: { to: v.address, amount: "5" },
      },
      fromBase64Url(v.secret_key),
    );
    const err = await failure(node.node.submitTransaction({ body: tx }));
    expect(err.problem.reason).toBe("faucet_disabled");
    const endpoint = await failure(
      node.node.requestFaucet({ body: { address: v.address, amount: 5 } }),
    );
    expect(endpoint.status).toBe(403);
    expect(endpoint.code).toBe("faucet_disabled");
    expect((await node.node.getAccount({ path: { address: v.address } })).balance_micro).toBe("0");
  });
});

describe.each(testDatabaseKinds())("a node that is not proposing (%s)", (kind) => {
  let h: Harness;
  const [carol, dave] = createDevGenesis({ validators: 2 }).validators;
  beforeAll(async () => {
    h = await startHarness(kind, {
      validators: 1,
      run: 0,
      allocations: [allocate(carol!.address, 10)],
    });
    await h.start(0, { validator: false, peers: [] });
  });
  afterAll(() => h?.close());

  it("accepts a still-pending transaction again without a second copy, and refuses a rival", async () => {
    const node = h.client(0);
    const key = fromBase64Url(carol!.secret_key);
    const chainId = h.dev.genesis.chain_id;
    const tx = signTx(
      { type: "transfer", chainId, nonce: 0, payload: { to: dave!.address, amount: "1" } },
      key,
    );
    const first = await node.node.submitTransaction({ body: tx });
    const again = await node.node.submitTransaction({ body: tx });
    expect(again).toEqual(first);
    expect((await node.node.getSyncStatus()).mempool_size).toBe(1);
    expect((await node.node.getTransaction({ body: { tx_hash: first.tx_hash } })).status).toBe(
      "pending",
    );
    // Another transaction with the same nonce is a replay of the slot, not a second pending copy.
    const rival = signTx(
      { type: "transfer", chainId, nonce: 0, payload: { to: dave!.address, amount: "2" } },
      key,
    );
    const err = await failure(node.node.submitTransaction({ body: rival }));
    expect(err.problem.reason).toBe("nonce_reused");
    expect((await node.node.getAccount({ path: { address: carol!.address } })).pending_nonce).toBe(
      1,
    );
  });
});
