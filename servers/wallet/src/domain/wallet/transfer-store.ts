// What transfers and their reconciler need from storage (implemented in data/transfers-repo.ts).
import type { SignedTx } from "@aitbc/sdk";

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

export interface TransferRow {
  txHash: string;
  accountId: string;
  address: string;
  to: string;
  amountMicro: bigint;
  nonce: number;
  tx: SignedTx<"transfer">;
  status: "submitted" | "confirmed";
  blockHeight: number | null;
  createdAt: string;
}

export type ClaimLookup =
  | { found: false }
  /** `transfer` is missing only for a claim made by something other than a recorded transfer. */
  | { found: true; requestHash: string; transfer: TransferRow | undefined };

export interface TransferStore {
  findByClaim(scope: string, key: string): Promise<ClaimLookup>;
  find(txHash: string): Promise<TransferRow | undefined>;
  /**
   * Records a signed transfer (and claims its Idempotency-Key) before it is submitted, both or
   * neither. False when the key was claimed first by another request.
   */
  recordSigned(
    transfer: Omit<TransferRow, "status" | "blockHeight" | "createdAt">,
    claim: IdempotencyClaim | undefined,
  ): Promise<boolean>;
  /** Marks the transfer included, and its Idempotency-Key (if any) answered. */
  markConfirmed(txHash: string, blockHeight: number): Promise<void>;
  /**
   * Forgets a transfer the chain refused for good, with its Idempotency-Key, so the caller may try
   * again. A transfer already marked confirmed is never forgotten.
   */
  forgetRefused(txHash: string): Promise<void>;
  /** The address's transfers not known to be included, from nonce `fromNonce` up, in nonce order. */
  listUnsettledOf(address: string, fromNonce: number): Promise<TransferRow[]>;
  /** Transfers recorded at or before `before` whose outcome is not known yet, oldest first. */
  listUnsettled(before: string, limit: number): Promise<TransferRow[]>;
}
