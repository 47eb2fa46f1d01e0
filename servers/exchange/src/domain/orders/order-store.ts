// What the order book and the settlement loops need from storage (implemented in
// data/orders-repo.ts).
import type { SignedTx } from "@aitbc/sdk";
import type { Order, OrderStatus } from "./order.js";

export interface OrderPageQuery {
  buyerAccountId?: string;
  status?: OrderStatus;
  limit: number;
  after?: { createdAt: string; orderId: string };
}

export interface OrderStore {
  insert(order: Order): Promise<void>;
  find(orderId: string): Promise<Order | undefined>;
  /** Newest first, after the cursor. */
  page(q: OrderPageQuery): Promise<Order[]>;
  /** Oldest first. */
  withStatus(statuses: OrderStatus[], limit?: number): Promise<Order[]>;
  /** Updates the payment observation; `from` guards against a concurrent status change. */
  updatePayment(
    orderId: string,
    from: OrderStatus,
    change: Pick<Order, "status" | "receivedSats" | "confirmations" | "btcTxids" | "paidAt">,
  ): Promise<boolean>;
  /** Records the signed mint; false when another signer recorded one first. */
  recordMint(orderId: string, txHash: string, tx: SignedTx<"mint">): Promise<boolean>;
  clearMint(orderId: string, txHash: string): Promise<void>;
  markMinted(orderId: string, mintedAt: string): Promise<void>;
}
