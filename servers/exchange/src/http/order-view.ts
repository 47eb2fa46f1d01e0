import { fromMicro, type ExchangeTypes } from "@aitbc/sdk";
import type { Order } from "../domain/orders/order.js";
import { btcFromSats } from "../domain/rates/btc-amount.js";

export function orderView(o: Order): ExchangeTypes.Order {
  return {
    order_id: o.orderId,
    status: o.status,
    payment_method: o.paymentMethod,
    amount_aitbc: fromMicro(o.amountMicro),
    amount_aitbc_micro: o.amountMicro.toString(),
    amount_btc: btcFromSats(o.amountSats),
    amount_sats: Number(o.amountSats),
    rate: Number(o.rate),
    deposit_address: o.depositAddress,
    buyer_address: o.buyerAddress,
    received_sats: Number(o.receivedSats),
    confirmations: o.confirmations,
    btc_txids: o.btcTxids,
    mint_tx_hash: o.status === "minted" || o.status === "paid" ? o.mintTxHash : null,
    created_at: o.createdAt,
    expires_at: o.expiresAt,
    paid_at: o.paidAt,
    minted_at: o.mintedAt,
  };
}
