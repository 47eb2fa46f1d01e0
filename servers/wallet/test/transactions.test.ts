import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressFromPublicKey,
  contentDigest,
  generateKeyPair,
  keyPairFromSecret,
  merkleRoot,
  settlementBatchTx,
  signTx,
  toMicro,
  type AitbcClient,
  type SignedTx,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { pollUntil } from "@aitbc/server-lib/testing";
import { failure } from "@aitbc/server-lib/testing";
import { startWalletHarness, type WalletHarness } from "./support/wallet-harness.js";

/** Submits a signed transaction to the node directly and waits until a block has it. */
async function submitConfirmed(client: AitbcClient, tx: SignedTx, what: string) {
  const submitted = await client.node.submitTransaction({ body: tx });
  await pollUntil(
    async () =>
      (await client.node.getTransaction({ body: { tx_hash: submitted.tx_hash } })).status ===
      "confirmed",
    what,
  );
  return submitted;
}

describe.each(testDatabaseKinds())("wallet transaction history (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lists the caller's chain transactions newest first, including ones signed outside the wallet", async () => {
    const kim = await h.account("kim", "customer", 40);
    const lee = await h.account("lee", "customer");
    const sent = await kim.client.wallet.createTransfer({ body: { to: lee.address, amount: 15 } });

    // A non-custodial user signs with the SDK and submits to the node directly.
    const own = generateKeyPair();
    const ownAddress = addressFromPublicKey(own.publicKey);
    await h.chain.fund(ownAddress, 5);
    const tx = signTx(
      {
        type: "transfer",
        chainId: h.chain.chainId,
        nonce: 0,
        payload: { to: kim.address, amount: toMicro(2.5).toString() },
      },
      own.secretKey,
    );
    await submitConfirmed(kim.client, tx, "the non-custodial transfer");

    const history = await kim.client.wallet.listTransactions();
    expect(history.address).toBe(kim.address);
    expect(history.items.map((i) => [i.type, i.direction, i.amount])).toEqual([
      ["transfer", "in", 2.5],
      ["transfer", "out", 15],
      ["faucet", "in", 40],
    ]);
    expect(history.items[0]).toMatchObject({
      from: ownAddress,
      to: kim.address,
      amount_micro: "2500000",
    });
    expect(history.items[1]).toMatchObject({ tx_hash: sent.tx_hash, nonce: 0 });
    expect(history.items.every((i) => i.block_height > 0)).toBe(true);
    expect((await kim.client.wallet.getBalance()).balance).toBe(27.5);

    const leeView = await lee.client.wallet.listTransactions();
    expect(leeView.items).toHaveLength(1);
    expect(leeView.items[0]).toMatchObject({ direction: "in", amount: 15, from: kim.address });
  });

  it("shows a settlement batch to the provider it paid, with what it received, and to the customer it drew on", async () => {
    const cy = await h.account("cy", "customer", 50);
    const pat = await h.account("pat", "provider");
    const other = await h.account("other", "provider");
    await cy.client.wallet.lockDeposit({ body: { amount: 20 } });
    const settlement = keyPairFromSecret(h.chain.settlementSecretKey);
    const signer = addressFromPublicKey(settlement.publicKey);
    const { pending_nonce } = await cy.client.node.getAccount({ path: { address: signer } });
    const items = [
      { depositOwner: cy.address, provider: pat.address, paidMicro: toMicro(1.5), jobId: "job-a" },
      { depositOwner: cy.address, provider: other.address, paidMicro: toMicro(4), jobId: "job-b" },
      { depositOwner: cy.address, provider: pat.address, paidMicro: toMicro(0.25), jobId: "job-c" },
    ];
    const batch = settlementBatchTx(
      { chainId: h.chain.chainId, nonce: pending_nonce, secretKey: settlement.secretKey },
      {
        batchId: "history-batch",
        receiptsRoot: merkleRoot(items.map((i) => contentDigest(`receipt ${i.jobId}`))),
        items,
      },
    );
    const submitted = await submitConfirmed(cy.client, batch, "the settlement batch");

    const patView = await pat.client.wallet.listTransactions();
    expect(patView.items).toHaveLength(1);
    expect(patView.items[0]).toMatchObject({
      tx_hash: submitted.tx_hash,
      type: "settlement_batch",
      direction: "in",
      to: pat.address,
      amount: 1.75,
      amount_micro: "1750000",
    });
    expect((await other.client.wallet.listTransactions()).items[0]).toMatchObject({
      type: "settlement_batch",
      direction: "in",
      amount: 4,
    });
    const cyView = await cy.client.wallet.listTransactions();
    expect(cyView.items[0]).toMatchObject({
      tx_hash: submitted.tx_hash,
      direction: "out",
      amount: 5.75,
    });
  });

  it("pages with limit and cursor without gaps or repeats", async () => {
    const mo = await h.account("mo", "customer", 10);
    const sink = await h.account("sink", "customer");
    for (const amount of [1, 2, 3])
      await mo.client.wallet.createTransfer({ body: { to: sink.address, amount } });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await mo.client.wallet.listTransactions({
        query: { limit: 2, ...(cursor ? { cursor } : {}) },
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.tx_hash));
      if (!page.page.next_cursor) break;
      cursor = page.page.next_cursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it("rejects a bad limit with 400 naming the field", async () => {
    const a = await h.account("limits", "customer");
    const err = await failure(a.client.wallet.listTransactions({ query: { limit: 0 } }));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain("query.limit");
  });

  it("answers 401 without a key", async () => {
    const err = await failure(h.anonymous.wallet.listTransactions());
    expect(err).toMatchObject({ status: 401, code: "unauthorized" });
  });
});
