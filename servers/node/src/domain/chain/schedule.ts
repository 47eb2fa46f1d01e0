// Who proposes when. Height h, round r: validators[(h + r) mod n]. Round 0 is the in-turn
// validator; round r may propose only once r × round_timeout_ms have passed since the parent's
// timestamp (a rule every node checks on the block's own timestamp). Fork choice weighs a block
// by n − r, so in-turn blocks count most (docs/chain.md).
import { proposerIndex } from "@aitbc/sdk";

export function proposerFor(validators: readonly string[], height: number, round: number): string {
  return validators[proposerIndex(height, round, validators.length)]!;
}

/** The lowest round in which `publicKey` may propose `height`, or undefined if not a validator. */
export function roundOf(
  validators: readonly string[],
  height: number,
  publicKey: string,
): number | undefined {
  for (let r = 0; r < validators.length; r++)
    if (proposerFor(validators, height, r) === publicKey) return r;
  return undefined;
}

export function blockScore(validatorCount: number, round: number): number {
  return validatorCount - round;
}

/** Earliest timestamp a round-r block may carry, given its parent's. */
export function earliestTimestamp(parentMs: number, round: number, roundTimeoutMs: number): number {
  return parentMs + 1 + round * roundTimeoutMs;
}
