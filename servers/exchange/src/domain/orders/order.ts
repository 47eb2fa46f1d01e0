import type { SignedTx } from "@aitbc/sdk";

export type OrderStatus = "awaiting_payment" | "paid" | "minted" | "expired";

export interface Order {
  orderId: string;
  buyerAccountId: string;
  buyerAddress: string;
  status: OrderStatus;
  paymentMethod: "bitcoin_testnet";
  amountMicro: bigint;
  amountSats: bigint;
  /** AITBC per BTC at order time. */
  rate: bigint;
  depositAddress: string;
  receivedSats: bigint;
  confirmations: number;
  btcTxids: string[];
  mintTxHash: string | null;
  /** The signed mint, recorded before it is submitted so it is never signed twice. */
  mintTx: SignedTx<"mint"> | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  mintedAt: string | null;
}
