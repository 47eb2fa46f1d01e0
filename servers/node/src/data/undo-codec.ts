// Undo records are stored as JSON; bigints travel as decimal strings.
import type { StateRecord } from "../domain/ledger/records.js";
import type { AccountState, EscrowRecord, StateUndo } from "../domain/ledger/state.js";
import { recordFromJson, recordToJson } from "./record-codec.js";

type Json = Record<string, unknown>;

function escrowToJson(e: EscrowRecord): Json {
  return e.status === "locked" ? { ...e, amount: e.amount.toString() } : { ...e };
}

function escrowFromJson(j: Json): EscrowRecord {
  if (j.status !== "locked") return j as unknown as EscrowRecord;
  return {
    job_id: j.job_id as string,
    owner: j.owner as string,
    amount: BigInt(j.amount as string),
    status: "locked",
    lock_tx_hash: j.lock_tx_hash as string,
    lock_height: j.lock_height as number,
  };
}

export function encodeUndo(undo: StateUndo): string {
  return JSON.stringify({
    a: undo.accounts.map(([k, v]) => [k, v ? [v.balance.toString(), v.nonce] : null]),
    e: undo.escrows.map(([k, v]) => [k, v ? escrowToJson(v) : null]),
    r: undo.records.map(([k, v]) => [k, v ? recordToJson(v) : null]),
  });
}

export function decodeUndo(text: string): StateUndo {
  const raw = JSON.parse(text) as {
    a: Array<[string, [string, number] | null]>;
    e: Array<[string, Json | null]>;
    /** Absent in blocks stored before deposits existed. */
    r?: Array<[string, Json | null]>;
  };
  return {
    accounts: raw.a.map(([k, v]): [string, AccountState | null] => [
      k,
      v ? { balance: BigInt(v[0]), nonce: v[1] } : null,
    ]),
    escrows: raw.e.map(([k, v]): [string, EscrowRecord | null] => [
      k,
      v ? escrowFromJson(v) : null,
    ]),
    records: (raw.r ?? []).map(([k, v]): [string, StateRecord | null] => [
      k,
      v ? recordFromJson(v) : null,
    ]),
  };
}
