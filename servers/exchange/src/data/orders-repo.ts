import type { Knex } from "@aitbc/server-lib";
import type { SignedTx } from "@aitbc/sdk";
import type { Order, OrderStatus } from "../domain/orders/order.js";
import type { OrderPageQuery, OrderStore } from "../domain/orders/order-store.js";

const TABLE = "exchange_orders";

export class OrdersRepo implements OrderStore {
  constructor(private readonly db: Knex) {}

  async insert(order: Order): Promise<void> {
    await this.db(TABLE).insert(toRow(order));
  }

  async find(orderId: string): Promise<Order | undefined> {
    const row = await this.db(TABLE).where({ order_id: orderId }).first();
    return row ? fromRow(row) : undefined;
  }

  async page(q: OrderPageQuery): Promise<Order[]> {
    let query = this.db(TABLE).orderBy([
      { column: "created_at", order: "desc" },
      { column: "order_id", order: "desc" },
    ]);
    if (q.buyerAccountId) query = query.where({ buyer_account_id: q.buyerAccountId });
    if (q.status) query = query.where({ status: q.status });
    if (q.after) {
      const { createdAt, orderId } = q.after;
      query = query.where((w) =>
        w
          .where("created_at", "<", createdAt)
          .orWhere((x) => x.where("created_at", "=", createdAt).andWhere("order_id", "<", orderId)),
      );
    }
    const rows = await query.limit(q.limit);
    return rows.map(fromRow);
  }

  async withStatus(statuses: OrderStatus[], limit = 500): Promise<Order[]> {
    const rows = await this.db(TABLE)
      .whereIn("status", statuses)
      .orderBy("created_at")
      .limit(limit);
    return rows.map(fromRow);
  }

  /** Updates the payment observation; `from` guards against a concurrent status change. */
  async updatePayment(
    orderId: string,
    from: OrderStatus,
    change: Pick<Order, "status" | "receivedSats" | "confirmations" | "btcTxids" | "paidAt">,
  ): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ order_id: orderId, status: from })
      .update({
        status: change.status,
        received_sats: change.receivedSats.toString(),
        confirmations: change.confirmations,
        btc_txids: JSON.stringify(change.btcTxids),
        paid_at: change.paidAt,
      });
    return n > 0;
  }

  /** Records the signed mint; false when another signer recorded one first. */
  async recordMint(orderId: string, txHash: string, tx: SignedTx<"mint">): Promise<boolean> {
    const n = await this.db(TABLE)
      .where({ order_id: orderId, status: "paid" })
      .whereNull("mint_tx_hash")
      .update({ mint_tx_hash: txHash, mint_tx_json: JSON.stringify(tx) });
    return n > 0;
  }

  async clearMint(orderId: string, txHash: string): Promise<void> {
    await this.db(TABLE)
      .where({ order_id: orderId, status: "paid", mint_tx_hash: txHash })
      .update({ mint_tx_hash: null, mint_tx_json: null });
  }

  async markMinted(orderId: string, mintedAt: string): Promise<void> {
    await this.db(TABLE)
      .where({ order_id: orderId, status: "paid" })
      .update({ status: "minted", minted_at: mintedAt });
  }
}

function toRow(o: Order) {
  return {
    order_id: o.orderId,
    buyer_account_id: o.buyerAccountId,
    buyer_address: o.buyerAddress,
    status: o.status,
    payment_method: o.paymentMethod,
    amount_micro: o.amountMicro.toString(),
    amount_sats: o.amountSats.toString(),
    rate: o.rate.toString(),
    deposit_address: o.depositAddress,
    received_sats: o.receivedSats.toString(),
    confirmations: o.confirmations,
    btc_txids: JSON.stringify(o.btcTxids),
    mint_tx_hash: o.mintTxHash,
    mint_tx_json: o.mintTx ? JSON.stringify(o.mintTx) : null,
    created_at: o.createdAt,
    expires_at: o.expiresAt,
    paid_at: o.paidAt,
    minted_at: o.mintedAt,
  };
}

function fromRow(r: Record<string, unknown>): Order {
  const big = (v: unknown) => BigInt(v as string | number);
  return {
    orderId: String(r.order_id),
    buyerAccountId: String(r.buyer_account_id),
    buyerAddress: String(r.buyer_address),
    status: r.status as OrderStatus,
    paymentMethod: "bitcoin_testnet",
    amountMicro: big(r.amount_micro),
    amountSats: big(r.amount_sats),
    rate: big(r.rate),
    depositAddress: String(r.deposit_address),
    receivedSats: big(r.received_sats),
    confirmations: Number(r.confirmations),
    btcTxids: JSON.parse(String(r.btc_txids)) as string[],
    mintTxHash: r.mint_tx_hash ? String(r.mint_tx_hash) : null,
    mintTx: r.mint_tx_json ? (JSON.parse(String(r.mint_tx_json)) as SignedTx<"mint">) : null,
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    paidAt: r.paid_at ? String(r.paid_at) : null,
    mintedAt: r.minted_at ? String(r.minted_at) : null,
  };
}
