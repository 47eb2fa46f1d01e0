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
  | "duplicate_tx";

export class BlockRejected extends Error {
  constructor(
    readonly reason: BlockRejectReason,
    detail: string,
  ) {
    super(detail);
  }
  get peerFault(): boolean {
    return this.reason !== "future_timestamp" && this.reason !== "unknown_parent";
  }
}
