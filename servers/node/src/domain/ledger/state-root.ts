// The state root commits to the whole state after a block: every non-empty account and every
// escrow, one JSON line each, sorted (accounts by address, then escrows by job id), hashed with
// sha256. docs/chain.md gives the exact line format. It is O(state) per block, which is fine for
// this chain's size; an incremental (Merkle) root is the known next step.
import { createHash } from "node:crypto";
import {
  EMPTY_ACCOUNT,
  LedgerState,
  StateOverlay,
  type AccountState,
  type EscrowState,
  type StateReader,
} from "./state.js";

export function accountLine(address: string, a: AccountState): string {
  return JSON.stringify(["account", address, a.balance.toString(), a.nonce]);
}

export function escrowLine(e: EscrowState): string {
  return JSON.stringify([
    "escrow",
    e.job_id,
    e.owner,
    e.amount.toString(),
    e.status,
    e.paid === null ? null : e.paid.toString(),
    e.refund === null ? null : e.refund.toString(),
    e.provider,
    e.receipt_hash,
    e.lock_tx_hash,
    e.lock_height,
    e.release_tx_hash,
    e.release_height,
  ]);
}

/** The effective accounts and escrows of a view (a LedgerState or overlays stacked on one). */
export function materialize(view: StateReader): {
  accounts: Map<string, AccountState>;
  escrows: Map<string, EscrowState>;
} {
  if (view instanceof LedgerState) return { accounts: view.accounts, escrows: view.escrows };
  if (!(view instanceof StateOverlay)) throw new TypeError("unknown state view");
  const base = materialize(view.parent);
  const accounts = new Map(base.accounts);
  const escrows = new Map(base.escrows);
  for (const [k, v] of view.accounts) {
    if (v.balance === 0n && v.nonce === 0) accounts.delete(k);
    else accounts.set(k, v);
  }
  for (const [k, v] of view.escrows) {
    if (v === null) escrows.delete(k);
    else escrows.set(k, v);
  }
  return { accounts, escrows };
}

export function stateRoot(view: StateReader): string {
  const { accounts, escrows } = materialize(view);
  const hash = createHash("sha256");
  for (const address of [...accounts.keys()].sort()) {
    const a = accounts.get(address) ?? EMPTY_ACCOUNT;
    if (a.balance === 0n && a.nonce === 0) continue;
    hash.update(accountLine(address, a) + "\n");
  }
  for (const jobId of [...escrows.keys()].sort()) {
    hash.update(escrowLine(escrows.get(jobId)!) + "\n");
  }
  return "0x" + hash.digest("hex");
}
