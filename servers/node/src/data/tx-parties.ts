// The addresses a transaction concerns besides its signer, recipient and refund owner (the txs
// row's own columns): a `settlement_batch` is signed by the settlement key and names no single
// recipient, yet pays every provider of its items and draws on every deposit owner's deposit. An
// address's history (`GET /api/v1/transactions?address=`) must show such a batch, so these
// addresses get a `tx_parties` row each.
import type { SettlementBatchPayload, SignedTx } from "@aitbc/sdk";
import type { Knex } from "@aitbc/server-lib";
import type { TxRow } from "./rows.js";

export interface TxPartyRow {
  tx_hash: string;
  address: string;
  block_height: number;
  position: number;
}

export function txPartyRows(
  row: Pick<TxRow, "hash" | "type" | "block_height" | "position" | "body">,
): TxPartyRow[] {
  if (row.type !== "settlement_batch") return [];
  const tx = JSON.parse(row.body) as SignedTx<"settlement_batch">;
  const items = (tx.payload as SettlementBatchPayload).items;
  const addresses = new Set<string>();
  for (const item of items) {
    addresses.add(item.provider);
    addresses.add(item.deposit_owner);
  }
  return [...addresses].map((address) => ({
    tx_hash: row.hash,
    address,
    block_height: Number(row.block_height),
    position: Number(row.position),
  }));
}

export async function insertTxParties(db: Knex, rows: TxPartyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) await db("tx_parties").insert(rows.slice(i, i + 50));
}
