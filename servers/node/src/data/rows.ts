// Row shapes and conversions shared by the repositories. Money is bigint in code and a
// bigInteger column in the database (SQLite gives numbers, PostgreSQL strings: BigInt() takes both).
import type { EscrowState, EscrowStatus } from "../domain/ledger/state.js";

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

export interface EscrowRow {
  job_id: string;
  owner: string;
  amount: string | number;
  status: string;
  paid: string | number | null;
  refund: string | number | null;
  provider: string | null;
  receipt_hash: string | null;
  lock_tx_hash: string;
  lock_height: number;
  release_tx_hash: string | null;
  release_height: number | null;
}

const big = (v: string | number | bigint | null): bigint | null => (v === null ? null : BigInt(v));

export function escrowFromRow(r: EscrowRow): EscrowState {
  return {
    job_id: r.job_id,
    owner: r.owner,
    amount: BigInt(r.amount),
    status: r.status as EscrowStatus,
    paid: big(r.paid),
    refund: big(r.refund),
    provider: r.provider,
    receipt_hash: r.receipt_hash,
    lock_tx_hash: r.lock_tx_hash,
    lock_height: Number(r.lock_height),
    release_tx_hash: r.release_tx_hash,
    release_height: r.release_height === null ? null : Number(r.release_height),
  };
}

export function escrowToRow(e: EscrowState): Record<string, unknown> {
  return {
    ...e,
    amount: e.amount.toString(),
    paid: e.paid === null ? null : e.paid.toString(),
    refund: e.refund === null ? null : e.refund.toString(),
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
