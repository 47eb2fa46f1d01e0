// A balance its holder locks away and gets back only after a delay: prepaid deposits and provider
// bonds work alike (lock or top up, start the unlock, release after the delay) and differ only in
// names, the delay and the rejection reasons, which each kind declares here. Every check runs
// before the first write, so a refused transaction leaves the overlay untouched.
//
// A lock during the delay tops the balance up and cancels the unlock: the holder is evidently
// using it again, and a single "active" status keeps the rules of those who rely on it simple.
import { MAX_MICRO } from "@aitbc/sdk";
import { checkCredit, insufficient } from "./credit.js";
import type { BondState, DepositState } from "./records.js";
import type { AccountState, StateOverlay, StateReader } from "./state.js";
import { TxRejected, type RejectReason } from "./tx-rejected.js";

type TimeLocked = DepositState | BondState;

export interface TimeLockedKind<R extends TimeLocked> {
  /** "deposit", "bond": how rejections name it. */
  noun: string;
  key(holder: string): string;
  read(state: StateReader, holder: string): R | undefined;
  /** The record of `holder` holding `amount`, active (unlockHeight null) or being unlocked. */
  record(holder: string, amount: bigint, unlockHeight: number | null): R;
  notFound: RejectReason;
  /** A second unlock, or a release before the unlock height. */
  pending: RejectReason;
  /** The past participle of the kind's unlock: "withdrawn", "unlocked". */
  unlockedAs: string;
  notStarted: RejectReason;
  notStartedDetail(holder: string): string;
}

export function existing<R extends TimeLocked>(
  kind: TimeLockedKind<R>,
  state: StateReader,
  holder: string,
): R {
  const r = kind.read(state, holder);
  if (!r) throw new TxRejected(kind.notFound, `${holder} has no ${kind.noun}.`);
  return r;
}

/** Moves `amount` from the signer's balance into its locked balance (creating or topping it up). */
export function lock<R extends TimeLocked>(
  kind: TimeLockedKind<R>,
  from: string,
  signer: AccountState,
  amount: bigint,
  state: StateOverlay,
): void {
  if (signer.balance < amount) throw insufficient(from, signer.balance, amount);
  const before = kind.read(state, from)?.amount ?? 0n;
  if (before + amount > MAX_MICRO)
    throw new TxRejected(
      "invalid_payload",
      `The ${kind.noun} of ${from} would exceed the maximum.`,
    );
  state.setAccount(from, { balance: signer.balance - amount, nonce: signer.nonce + 1 });
  state.setRecord(kind.key(from), kind.record(from, before + amount, null));
}

/** Starts the delay; returns what the locked balance holds. */
export function startUnlock<R extends TimeLocked>(
  kind: TimeLockedKind<R>,
  from: string,
  signer: AccountState,
  delay: number,
  height: number,
  state: StateOverlay,
): bigint {
  const r = existing(kind, state, from);
  if (r.unlock_height !== null)
    throw new TxRejected(
      kind.pending,
      `The ${kind.noun} of ${from} is already being ${kind.unlockedAs} (unlock height ${r.unlock_height}).`,
      { unlock_height: r.unlock_height },
    );
  state.setAccount(from, { balance: signer.balance, nonce: signer.nonce + 1 });
  state.setRecord(kind.key(from), kind.record(from, r.amount, height + delay));
  return r.amount;
}

/** Returns the whole locked balance to the signer once the delay has passed; returns the amount. */
export function release<R extends TimeLocked>(
  kind: TimeLockedKind<R>,
  from: string,
  signer: AccountState,
  height: number,
  state: StateOverlay,
): bigint {
  const r = existing(kind, state, from);
  if (r.unlock_height === null) throw new TxRejected(kind.notStarted, kind.notStartedDetail(from));
  if (height < r.unlock_height)
    throw new TxRejected(
      kind.pending,
      `The ${kind.noun} of ${from} unlocks at height ${r.unlock_height}; this block is ${height}.`,
      { unlock_height: r.unlock_height },
    );
  checkCredit(state, from, r.amount);
  state.setAccount(from, { balance: signer.balance + r.amount, nonce: signer.nonce + 1 });
  state.setRecord(kind.key(from), null);
  return r.amount;
}
