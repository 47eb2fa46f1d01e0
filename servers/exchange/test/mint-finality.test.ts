// A mint counts only once its block is final. On a chain whose finality is held back (a second
// validator in the genesis is not running), the mint lands in a block but the order stays `paid`:
// a reorg could still take that block back. Once the validator is up and the block is final, the
// order is `minted`, with the same mint transaction (never a second one).
import { afterEach, describe, expect, it } from "vitest";
import { pollUntil } from "@aitbc/server-lib/testing";
import { startExchangeHarness, type ExchangeHarness } from "./support/exchange-harness.js";

describe("minting waits for finality (sqlite)", () => {
  let h: ExchangeHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("keeps a mint in a block that is not final as paid, then marks it minted once final", async () => {
    h = await startExchangeHarness("sqlite", {}, { finalityHeld: true });
    const buyer = h.buyer("customer-final");
    const order = await buyer.client.exchange.createOrder({
      body: { amount_aitbc: 5, payment_method: "bitcoin_testnet" },
    });
    const get = () => buyer.client.exchange.getOrder({ path: { order_id: order.order_id } });
    h.bitcoin.pay(order.deposit_address, order.amount_sats);
    h.bitcoin.mine(1);

    // The mint gets into a block…
    let mintHash: string | undefined;
    await h.settleUntil(async () => {
      mintHash = (await get()).mint_tx_hash ?? undefined;
      if (!mintHash) return false;
      const tx = await buyer.client.node.getTransaction({ body: { tx_hash: mintHash } });
      return tx.status === "confirmed";
    }, "the mint to be in a block");
    const inBlock = await buyer.client.node.getTransaction({ body: { tx_hash: mintHash! } });
    expect(inBlock.finalized).toBe(false);
    // …but more passes do not count it while the block is not final.
    for (let i = 0; i < 3; i++) await h.exchange.pollDeposits();
    expect(await get()).toMatchObject({ status: "paid", minted_at: null, mint_tx_hash: mintHash });

    await h.chain.releaseFinality();
    await pollUntil(async () => {
      const tx = await buyer.client.node.getTransaction({ body: { tx_hash: mintHash! } });
      return tx.finalized;
    }, "the mint's block to become final");
    await h.settleUntil(async () => (await get()).status === "minted", "the order to be minted");
    expect((await get()).mint_tx_hash).toBe(mintHash);
  }, 60_000);
});
