import type { Knex } from "@aitbc/server-lib";
import type {
  LegacyKeyRecord,
  ReceiptKeyRecord,
  ReceiptKeyStore,
} from "../domain/receipts/receipt-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): ReceiptKeyRecord {
  return {
    keyId: String(r.key_id),
    publicKey: String(r.public_key),
    sealedSecret: r.sealed_secret == null ? null : String(r.sealed_secret),
    createdAt: String(r.created_at),
    validFrom: String(r.valid_from),
    validUntil: r.valid_until == null ? null : String(r.valid_until),
  };
}

export class KeysRepo implements ReceiptKeyStore {
  constructor(private readonly db: Knex) {}

  async all(tx?: Tx): Promise<ReceiptKeyRecord[]> {
    const rows = await knexOf(
      tx,
      this.db,
    )("receipt_keys").orderBy([
      { column: "valid_from", order: "asc" },
      { column: "key_id", order: "asc" },
    ]);
    return rows.map(fromRow);
  }

  /** Inserts unless a key with this id exists (two replicas starting at once keep the first). */
  async insertIfAbsent(k: ReceiptKeyRecord, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("receipt_keys")
      .insert({
        key_id: k.keyId,
        public_key: k.publicKey,
        sealed_secret: k.sealedSecret,
        created_at: k.createdAt,
        valid_from: k.validFrom,
        valid_until: k.validUntil,
      })
      .onConflict("key_id")
      .ignore();
  }

  /** Ends every current key's window (the one before a rotation). */
  async closeCurrent(at: string, tx?: Tx): Promise<void> {
    await knexOf(tx, this.db)("receipt_keys").whereNull("valid_until").update({ valid_until: at });
  }

  async legacy(tx?: Tx): Promise<LegacyKeyRecord[]> {
    const rows = await knexOf(tx, this.db)("coordinator_keys").orderBy("created_at");
    return rows.map((r: Record<string, unknown>) => ({
      keyId: String(r.key_id),
      publicKey: String(r.public_key),
      secretKey: String(r.secret_key),
      createdAt: String(r.created_at),
    }));
  }

  async deleteLegacy(keyId: string, tx?: Tx): Promise<void> {
    await knexOf(tx, this.db)("coordinator_keys").where({ key_id: keyId }).delete();
  }
}
