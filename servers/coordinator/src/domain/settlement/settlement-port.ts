// How the coordinator moves money. The domain only sees this port; the one real implementation
// (chain-settlement.ts) talks to the wallet and the node through the SDK. Test suites use a double
// that speaks the same contract.
//
// Locks happen inline (job create waits for the wallet, which answers after the lock is in a
// block). Releases and refunds go through the settlement outbox: the worker calls `release` until
// it reports an outcome, so they survive restarts and node outages.
import type { SignedTx } from "@aitbc/sdk";

export interface LockRequest {
  jobId: string;
  amountMicro: bigint;
}

export interface LockResult {
  txHash: string;
  blockHeight: number;
}

/** One escrow release; a refund is a release with `paidMicro` = 0. */
export interface ReleaseOrder {
  jobId: string;
  /** The locked amount; paid + refund must equal it. */
  amountMicro: bigint;
  paidMicro: bigint;
  refundMicro: bigint;
  /** Required when paidMicro > 0. */
  providerAddress: string | null;
  /** `sha256:<hex>` of the countersigned receipt; null for refunds. */
  receiptHash: string | null;
  /** The part of paidMicro that goes to the verification pool instead of the provider. */
  poolFeeMicro: bigint;
}

/** What a previous attempt left behind, so a retry can resubmit the same transaction. */
export interface ReleaseAttempt {
  previous: SignedTx | null;
  /** Called with a newly signed transaction before it is submitted; the worker persists it. */
  remember(tx: SignedTx, txHash: string): Promise<void>;
}

export type ReleaseOutcome =
  | { status: "confirmed"; txHash: string; blockHeight: number }
  /** The escrow does not exist (a lock that never happened) or was already released. */
  | { status: "nothing_to_release"; reason: "escrow_not_found" | "escrow_released" };

export interface SettlementPort {
  /**
   * Locks the customer's budget in escrow, signed with the customer's own key. Throws
   * InsufficientFunds (402) when the balance is too low (nothing moved), Unavailable or
   * GatewayTimeout when the outcome is unknown.
   */
  lockEscrow(request: LockRequest, customerApiKey: string): Promise<LockResult>;
  /** Pays the provider and refunds the rest. Throws on transient failures (the worker retries). */
  release(order: ReleaseOrder, attempt: ReleaseAttempt): Promise<ReleaseOutcome>;
  /** Refunds the whole escrow to the customer. */
  refund(order: ReleaseOrder, attempt: ReleaseAttempt): Promise<ReleaseOutcome>;
  /** `chain` for the real one, `unconfigured` when the coordinator has no wallet/node/key. */
  readonly kind: string;
}

export class SettlementNotConfigured extends Error {}
