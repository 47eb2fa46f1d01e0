// The chain state: accounts (balance, next nonce) and job escrows. Records are immutable; a write
// replaces the record, so an overlay never disturbs what it sits on. Blocks and the mempool work
// on overlays and only the chain folds a block's overlay into the canonical state.

export interface AccountState {
  balance: bigint;
  /** The next nonce this account must sign with. */
  nonce: number;
}

export type EscrowStatus = "locked" | "settled" | "refunded";

export interface EscrowState {
  job_id: string;
  /** The address that locked it; refunds go there. */
  owner: string;
  amount: bigint;
  status: EscrowStatus;
  paid: bigint | null;
  refund: bigint | null;
  provider: string | null;
  receipt_hash: string | null;
  lock_tx_hash: string;
  lock_height: number;
  release_tx_hash: string | null;
  release_height: number | null;
}

export const EMPTY_ACCOUNT: AccountState = Object.freeze({ balance: 0n, nonce: 0 });

export interface StateReader {
  account(address: string): AccountState;
  escrow(jobId: string): EscrowState | undefined;
}

/** The canonical state held in memory (the database has the same rows). */
export class LedgerState implements StateReader {
  readonly accounts = new Map<string, AccountState>();
  readonly escrows = new Map<string, EscrowState>();

  account(address: string): AccountState {
    return this.accounts.get(address) ?? EMPTY_ACCOUNT;
  }
  escrow(jobId: string): EscrowState | undefined {
    return this.escrows.get(jobId);
  }
}

/** Writes on top of another view. `null` escrows mark a deletion (used to undo a lock). */
export class StateOverlay implements StateReader {
  readonly accounts = new Map<string, AccountState>();
  readonly escrows = new Map<string, EscrowState | null>();

  constructor(readonly parent: StateReader) {}

  account(address: string): AccountState {
    return this.accounts.get(address) ?? this.parent.account(address);
  }
  escrow(jobId: string): EscrowState | undefined {
    const own = this.escrows.get(jobId);
    if (own === null) return undefined;
    return own ?? this.parent.escrow(jobId);
  }
  setAccount(address: string, value: AccountState): void {
    this.accounts.set(address, value);
  }
  setEscrow(jobId: string, value: EscrowState | null): void {
    this.escrows.set(jobId, value);
  }
  /** Copies this overlay's writes into another overlay (squashing a chain of overlays). */
  writeInto(target: StateOverlay): void {
    for (const [k, v] of this.accounts) target.setAccount(k, v);
    for (const [k, v] of this.escrows) target.setEscrow(k, v);
  }
}

/** Folds an overlay into the canonical state and returns what it replaced (the undo record). */
export function commitOverlay(state: LedgerState, overlay: StateOverlay): StateUndo {
  const undo: StateUndo = { accounts: [], escrows: [] };
  for (const [address, value] of overlay.accounts) {
    undo.accounts.push([address, state.accounts.get(address) ?? null]);
    if (value.balance === 0n && value.nonce === 0) state.accounts.delete(address);
    else state.accounts.set(address, value);
  }
  for (const [jobId, value] of overlay.escrows) {
    undo.escrows.push([jobId, state.escrows.get(jobId) ?? null]);
    if (value === null) state.escrows.delete(jobId);
    else state.escrows.set(jobId, value);
  }
  return undo;
}

/** The values a block replaced, so that a reorg can roll it back. */
export interface StateUndo {
  accounts: Array<[string, AccountState | null]>;
  escrows: Array<[string, EscrowState | null]>;
}

/** Writes an undo record onto an overlay (restoring the state before the block). */
export function applyUndo(overlay: StateOverlay, undo: StateUndo): void {
  for (const [address, value] of undo.accounts) overlay.setAccount(address, value ?? EMPTY_ACCOUNT);
  for (const [jobId, value] of undo.escrows) overlay.setEscrow(jobId, value);
}
