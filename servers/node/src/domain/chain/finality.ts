// Finality: a block is final once more than 2/3 of the validators have proposed it or a block
// built on it in the canonical chain. With n validators that is q = ⌊2n/3⌋ + 1 distinct proposers
// (3 of 3, 3 of 4, 5 of 7). The node never reorganises at or below its finalized height.
//
// Only each validator's latest proposal height matters: the distinct proposers of the blocks
// from height h to the head are the validators whose latest proposal is at h or above, so the
// finalized height is the q-th highest of those latest heights. That keeps the work per block
// O(n) however long finality has stalled.

export function finalityQuorum(validatorCount: number): number {
  return Math.floor((2 * validatorCount) / 3) + 1;
}

export class FinalityTracker {
  /** Latest canonical proposal height per validator, above the finalized height. */
  private latest = new Map<string, number>();

  constructor(
    private readonly quorum: number,
    private finalized: number,
  ) {}

  get height(): number {
    return this.finalized;
  }

  /** A canonical block at `height` by `proposer`; returns true when the finalized height moved. */
  observe(proposer: string, height: number): boolean {
    if (height > (this.latest.get(proposer) ?? -1)) this.latest.set(proposer, height);
    return this.recompute();
  }

  /**
   * After a reorg: the latest proposal heights above the finalized height, read from the new
   * canonical chain. Finality never moves back.
   */
  reset(latest: Map<string, number>): boolean {
    this.latest = new Map(latest);
    return this.recompute();
  }

  private recompute(): boolean {
    const heights = [...this.latest.values()].sort((a, b) => b - a);
    const candidate = heights[this.quorum - 1];
    if (candidate === undefined || candidate <= this.finalized) return false;
    this.finalized = candidate;
    for (const [k, h] of this.latest) if (h <= candidate) this.latest.delete(k);
    return true;
  }
}
