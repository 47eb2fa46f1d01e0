/** The node refused a transaction; `reason` is the node's stable reason (problem-codes.md, tx_rejected). */
export class ChainRejected extends Error {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}
