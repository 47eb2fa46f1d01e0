// What the batch worker needs from the chain. The real one (chain-batch-port.ts) signs with the
// settlement key and talks to a node through the SDK; the worker only sees this port.
import type { SettlementBatchInput, SignedTx } from "@aitbc/sdk";

/** A settlement batch as the chain has applied it. */
export interface AnchoredBatch {
  txHash: string;
  blockHeight: number;
  receiptsRoot: string;
  finalized: boolean;
}

export type SubmitOutcome =
  | { status: "accepted" }
  /** The node refused the transaction for a rule of the chain (`reason` as the node names it). */
  | { status: "refused"; reason: string };

export interface BatchChainPort {
  readonly kind: string;
  /** Signs the batch with the settlement key and its next nonce (as the node sees it now). */
  sign(input: SettlementBatchInput): Promise<{ tx: SignedTx; hash: string }>;
  /** Throws when the node is unreachable (the worker retries later). */
  submit(tx: SignedTx): Promise<SubmitOutcome>;
  /** The batch as applied on chain, or null when no block holds it. */
  anchored(batchId: string): Promise<AnchoredBatch | null>;
  /** Whether the node still holds a transaction in its mempool or a block. */
  known(txHash: string): Promise<boolean>;
  /** What the owner's deposit holds at the head, 0 when there is none. */
  depositAt(owner: string): Promise<bigint>;
}
