// Why a block was refused. `peerFault` says whether the peer that sent it misbehaved (and gets
// dropped) or the block may become acceptable later (a future timestamp, an unknown parent).
export type BlockRejectReason =
  | "malformed"
  | "wrong_chain"
  | "wrong_height"
  | "unknown_parent"
  | "wrong_proposer"
  | "bad_timestamp"
  | "future_timestamp"
  | "bad_hash"
  | "bad_signature"
  | "bad_tx_count"
  | "bad_tx_root"
  | "bad_state_root"
  | "invalid_tx"
  | "duplicate_tx"
  /** The proposer already signed another block for this height (evidence is kept). */
  | "equivocation"
  /** The branch would replace a final block. */
  | "finalized_conflict";

const NOT_PEER_FAULT = new Set<BlockRejectReason>([
  "future_timestamp",
  "unknown_parent",
  "equivocation",
  "finalized_conflict",
]);

export class BlockRejected extends Error {
  constructor(
    readonly reason: BlockRejectReason,
    detail: string,
  ) {
    super(detail);
  }
  get peerFault(): boolean {
    // An honest peer may relay an equivocating block it saw first, or sit on the far side of a
    // split; neither is its own fault, so the block is refused without dropping the peer.
    return !NOT_PEER_FAULT.has(this.reason);
  }
}
