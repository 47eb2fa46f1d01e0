// The chain state: accounts (balance, next nonce) and job escrows. Records are immutable; a write
// replaces the record, so an overlay never disturbs what it sits on. Blocks and the mempool work
// on overlays and only the chain folds a block's overlay into the canonical state. A released
// escrow leaves only a tombstone (its id, outcome and height): the id can never be locked again,
// and the rest of its story is in the lock and release transactions. Deposits, settlement batches,
// the jobs a batch paid, provider bonds, slashed jobs, the verification pool and the re-runs it paid are "records", one map keyed by `<kind>:<id>` (record-key.ts), so that
// every layer (overlay, undo, root, storage) handles them with one code path.
import { leafSum, rootSumOf } from "./state-leaves.js";
import {
  bondKey,
  depositKey,
  paidJobKey,
  POOL_KEY,
  poolPayoutKey,
  settlementKey,
  slashKey,
} from "./record-key.js";
import type {
  BondState,
  DepositState,
  PaidJob,
  PoolPayoutRecord,
  PoolState,
  SettlementRecord,
  SlashedJob,
  StateRecord,
} from "./records.js";
import type { AccountState, EscrowRecord, EscrowState } from "./state-records.js";

export type {
  AccountState,
  EscrowRecord,
  EscrowState,
  EscrowStatus,
  EscrowTombstone,
} from "./state-records.js";

export function isOpenEscrow(e: EscrowRecord | undefined): e is EscrowState {
  return e?.status === "locked";
}

export const EMPTY_ACCOUNT: AccountState = Object.freeze({ balance: 0n, nonce: 0 });

export interface StateReader {
  account(address: string): AccountState;
  escrow(jobId: string): EscrowRecord | undefined;
  record(key: string): StateRecord | undefined;
}

export function depositOf(view: StateReader, owner: string): DepositState | undefined {
  return view.record(depositKey(owner)) as DepositState | undefined;
}

export function settlementOf(view: StateReader, batchId: string): SettlementRecord | undefined {
  return view.record(settlementKey(batchId)) as SettlementRecord | undefined;
}

export function paidJobOf(view: StateReader, jobId: string): PaidJob | undefined {
  return view.record(paidJobKey(jobId)) as PaidJob | undefined;
}

export function bondOf(view: StateReader, provider: string): BondState | undefined {
  return view.record(bondKey(provider)) as BondState | undefined;
}

export function slashOf(view: StateReader, jobId: string): SlashedJob | undefined {
  return view.record(slashKey(jobId)) as SlashedJob | undefined;
}

/** What the verification pool holds (zero before the first fee or penalty). */
export function poolAmount(view: StateReader): bigint {
  return (view.record(POOL_KEY) as PoolState | undefined)?.amount ?? 0n;
}

export function poolPayoutOf(view: StateReader, jobId: string): PoolPayoutRecord | undefined {
  return view.record(poolPayoutKey(jobId)) as PoolPayoutRecord | undefined;
}

/**
 * The canonical state held in memory (the database has the same rows). Fill the maps before the
 * first `rootSum()`; after it, change the state only through commitOverlay, which keeps the sum.
 */
export class LedgerState implements StateReader {
  readonly accounts = new Map<string, AccountState>();
  readonly escrows = new Map<string, EscrowRecord>();
  readonly records = new Map<string, StateRecord>();
  private sum: bigint | undefined;

  account(address: string): AccountState {
    return this.accounts.get(address) ?? EMPTY_ACCOUNT;
  }
  escrow(jobId: string): EscrowRecord | undefined {
    return this.escrows.get(jobId);
  }
  record(key: string): StateRecord | undefined {
    return this.records.get(key);
  }
  /** The state root's running sum; computed over the whole state once, then kept per write. */
  rootSum(): bigint {
    this.sum ??= rootSumOf(this.accounts, this.escrows, this.records);
    return this.sum;
  }
  /** Keeps the running sum in step with one replaced leaf (commitOverlay calls it). */
  noteReplaced(
    kind: "account" | "escrow" | "record",
    key: string,
    before: AccountState | EscrowRecord | StateRecord | null,
    after: AccountState | EscrowRecord | StateRecord | null,
  ): void {
    if (this.sum !== undefined) this.sum = leafSum(this.sum, kind, key, before, after);
  }
}

/** Writes on top of another view. `null` escrows mark a deletion (used to undo a lock). */
export class StateOverlay implements StateReader {
  readonly accounts = new Map<string, AccountState>();
  readonly escrows = new Map<string, EscrowRecord | null>();
  readonly records = new Map<string, StateRecord | null>();

  constructor(readonly parent: StateReader) {}

  account(address: string): AccountState {
    return this.accounts.get(address) ?? this.parent.account(address);
  }
  escrow(jobId: string): EscrowRecord | undefined {
    const own = this.escrows.get(jobId);
    if (own === null) return undefined;
    return own ?? this.parent.escrow(jobId);
  }
  record(key: string): StateRecord | undefined {
    const own = this.records.get(key);
    if (own === null) return undefined;
    return own ?? this.parent.record(key);
  }
  setRecord(key: string, value: StateRecord | null): void {
    this.records.set(key, value);
  }
  setAccount(address: string, value: AccountState): void {
    this.accounts.set(address, value);
  }
  setEscrow(jobId: string, value: EscrowRecord | null): void {
    this.escrows.set(jobId, value);
  }
  /** Copies this overlay's writes into another overlay (squashing a chain of overlays). */
  writeInto(target: StateOverlay): void {
    for (const [k, v] of this.accounts) target.setAccount(k, v);
    for (const [k, v] of this.escrows) target.setEscrow(k, v);
    for (const [k, v] of this.records) target.setRecord(k, v);
  }
}

/** Folds an overlay into the canonical state and returns what it replaced (the undo record). */
export function commitOverlay(state: LedgerState, overlay: StateOverlay): StateUndo {
  const undo: StateUndo = { accounts: [], escrows: [], records: [] };
  for (const [address, value] of overlay.accounts) {
    const before = state.accounts.get(address) ?? null;
    undo.accounts.push([address, before]);
    state.noteReplaced("account", address, before, value);
    if (value.balance === 0n && value.nonce === 0) state.accounts.delete(address);
    else state.accounts.set(address, value);
  }
  for (const [jobId, value] of overlay.escrows) {
    const before = state.escrows.get(jobId) ?? null;
    undo.escrows.push([jobId, before]);
    state.noteReplaced("escrow", jobId, before, value);
    if (value === null) state.escrows.delete(jobId);
    else state.escrows.set(jobId, value);
  }
  for (const [key, value] of overlay.records) {
    const before = state.records.get(key) ?? null;
    undo.records.push([key, before]);
    state.noteReplaced("record", key, before, value);
    if (value === null) state.records.delete(key);
    else state.records.set(key, value);
  }
  return undo;
}

/** The values a block replaced, so that a reorg can roll it back. */
export interface StateUndo {
  accounts: Array<[string, AccountState | null]>;
  escrows: Array<[string, EscrowRecord | null]>;
  records: Array<[string, StateRecord | null]>;
}

/** Writes an undo record onto an overlay (restoring the state before the block). */
export function applyUndo(overlay: StateOverlay, undo: StateUndo): void {
  for (const [address, value] of undo.accounts) overlay.setAccount(address, value ?? EMPTY_ACCOUNT);
  for (const [jobId, value] of undo.escrows) overlay.setEscrow(jobId, value);
  for (const [key, value] of undo.records) overlay.setRecord(key, value);
}
