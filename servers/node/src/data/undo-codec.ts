// Undo records are stored as JSON; bigints travel as decimal strings.
import type { AccountState, EscrowState, StateUndo } from "../domain/ledger/state.js";

type Json = Record<string, unknown>;

function escrowToJson(e: EscrowState): Json {
  return {
    ...e,
    amount: e.amount.toString(),
    paid: e.paid?.toString() ?? null,
    refund: e.refund?.toString() ?? null,
  };
}

function escrowFromJson(j: Json): EscrowState {
  return {
    ...(j as unknown as EscrowState),
    amount: BigInt(j.amount as string),
    paid: j.paid === null ? null : BigInt(j.paid as string),
    refund: j.refund === null ? null : BigInt(j.refund as string),
  };
}

export function encodeUndo(undo: StateUndo): string {
  return JSON.stringify({
    a: undo.accounts.map(([k, v]) => [k, v ? [v.balance.toString(), v.nonce] : null]),
    e: undo.escrows.map(([k, v]) => [k, v ? escrowToJson(v) : null]),
  });
}

export function decodeUndo(text: string): StateUndo {
  const raw = JSON.parse(text) as {
    a: Array<[string, [string, number] | null]>;
    e: Array<[string, Json | null]>;
  };
  return {
    accounts: raw.a.map(([k, v]): [string, AccountState | null] => [
      k,
      v ? { balance: BigInt(v[0]), nonce: v[1] } : null,
    ]),
    escrows: raw.e.map(([k, v]): [string, EscrowState | null] => [k, v ? escrowFromJson(v) : null]),
  };
}
