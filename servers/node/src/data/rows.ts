// Row shapes and conversions shared by the repositories. Money is bigint in code and a
// bigInteger column in the database (SQLite gives numbers, PostgreSQL strings: BigInt() takes both).
import type { EscrowState, EscrowTombstone } from "../domain/ledger/state.js";

export interface BlockRow {
  height: number;
  hash: string;
  prev_hash: string;
  timestamp: string;
  proposer: string;
  round: number;
  tx_count: number;
  tx_root: string;
  state_root: string;
  signature: string;
  weight: number;
  undo: string;
}

export interface TxRow {
  hash: string;
  block_height: number;
  position: number;
  type: string;
  from_address: string;
  to_address: string | null;
  refund_to: string | null;
  job_id: string | null;
  amount: string;
  body: string;
}

/** An open escrow (the `escrows` table holds only those). */
export interface EscrowRow {
  job_id: string;
  owner: string;
  amount: string | number;
  lock_tx_hash: string;
  lock_height: number;
}

export interface TombstoneRow {
  job_id: string;
  status: string;
  release_height: number;
}

export function escrowFromRow(r: EscrowRow): EscrowState {
  return {
    job_id: r.job_id,
    owner: r.owner,
    amount: BigInt(r.amount),
    status: "locked",
    lock_tx_hash: r.lock_tx_hash,
    lock_height: Number(r.lock_height),
  };
}

export function escrowToRow(e: EscrowState): Record<string, unknown> {
  return { ...e, amount: e.amount.toString() };
}

export function tombstoneFromRow(r: TombstoneRow): EscrowTombstone {
  return {
    job_id: r.job_id,
    status: r.status as EscrowTombstone["status"],
    release_height: Number(r.release_height),
  };
}

export function normalizeBlockRow(r: BlockRow): BlockRow {
  return {
    ...r,
    height: Number(r.height),
    round: Number(r.round),
    tx_count: Number(r.tx_count),
    weight: Number(r.weight),
  };
}

export function normalizeTxRow(r: TxRow): TxRow {
  return {
    ...r,
    block_height: Number(r.block_height),
    position: Number(r.position),
    amount: String(r.amount),
  };
}
