// The state root commits to the whole state after a block (state-leaves.ts has the leaves and the
// sum; docs/chain.md the exact format). The canonical state keeps its sum as blocks commit, and an
// overlay adds only its own writes to its parent's sum, so a block's root costs O(its writes),
// not O(state).
import { LedgerState, StateOverlay, type StateReader } from "./state.js";
import { leafSum, rootFromSum, rootSumOf } from "./state-leaves.js";

export { accountLine, escrowLine, recordLine } from "./state-leaves.js";

function sumOf(view: StateReader): bigint {
  if (view instanceof LedgerState) return view.rootSum();
  if (!(view instanceof StateOverlay)) throw new TypeError("unknown state view");
  let sum = sumOf(view.parent);
  for (const [address, a] of view.accounts)
    sum = leafSum(sum, "account", address, view.parent.account(address), a);
  for (const [jobId, e] of view.escrows)
    sum = leafSum(sum, "escrow", jobId, view.parent.escrow(jobId) ?? null, e);
  for (const [key, r] of view.records)
    sum = leafSum(sum, "record", key, view.parent.record(key) ?? null, r);
  return sum;
}

export function stateRoot(view: StateReader): string {
  return rootFromSum(sumOf(view));
}

/** The root over every record of the canonical state, ignoring the running sum (checks at start). */
export function recomputeStateRoot(state: LedgerState): string {
  return rootFromSum(rootSumOf(state.accounts, state.escrows, state.records));
}
