// State records as JSON (the state_records table and undo records); bigints travel as strings.
import type { StateRecord } from "../domain/ledger/records.js";

type Json = Record<string, unknown>;

export function recordToJson(r: StateRecord): Json {
  switch (r.kind) {
    case "deposit":
      return { ...r, amount: r.amount.toString() };
    case "settlement":
      return { ...r, paid: r.paid.toString() };
    case "paid_job":
      return { ...r };
    case "bond":
      return { ...r, amount: r.amount.toString() };
    case "slash":
      return { ...r, refund: r.refund.toString(), penalty: r.penalty.toString() };
    case "pool":
      return { ...r, amount: r.amount.toString() };
    case "pool_payout":
      return { ...r, amount: r.amount.toString() };
  }
}

export function recordFromJson(j: Json): StateRecord {
  switch (j.kind) {
    case "deposit":
      return {
        kind: "deposit",
        owner: j.owner as string,
        amount: BigInt(j.amount as string),
        status: j.status as "active" | "withdrawing",
        unlock_height: (j.unlock_height as number | null) ?? null,
      };
    case "settlement":
      return {
        kind: "settlement",
        batch_id: j.batch_id as string,
        receipts_root: j.receipts_root as string,
        items: j.items as number,
        paid: BigInt(j.paid as string),
        tx_hash: j.tx_hash as string,
        height: j.height as number,
      };
    case "paid_job":
      return {
        kind: "paid_job",
        job_id: j.job_id as string,
        batch_id: j.batch_id as string,
        height: j.height as number,
      };
    case "bond":
      return {
        kind: "bond",
        provider: j.provider as string,
        amount: BigInt(j.amount as string),
        status: j.status as "active" | "unlocking",
        unlock_height: (j.unlock_height as number | null) ?? null,
      };
    case "slash":
      return {
        kind: "slash",
        job_id: j.job_id as string,
        provider: j.provider as string,
        refund: BigInt(j.refund as string),
        penalty: BigInt(j.penalty as string),
        height: j.height as number,
      };
    case "pool":
      return { kind: "pool", amount: BigInt(j.amount as string) };
    case "pool_payout":
      return {
        kind: "pool_payout",
        job_id: j.job_id as string,
        provider: j.provider as string,
        amount: BigInt(j.amount as string),
        height: j.height as number,
      };
    default:
      throw new Error(`Unknown state record kind ${String(j.kind)}`);
  }
}
