import type { Knex } from "@aitbc/server-lib";

export interface ReceiptKeyRecord {
  keyId: string;
  publicKey: string;
  /** Sealed with the coordinator's sealing key; null for a key from AITBC_RECEIPT_SECRET_KEY. */
  sealedSecret: string | null;
  createdAt: string;
  validFrom: string;
  validUntil: string | null;
}

/** A row of the former table, secret in clear, waiting to be sealed. */
export interface LegacyKeyRecord {
  keyId: string;
  publicKey: string;
  secretKey: string;
  createdAt: string;
}

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

export class KeysRepo {
  constructor(private readonly db: Knex) {}

  async all(trx: Knex = this.db): Promise<ReceiptKeyRecord[]> {
    const rows = await trx("receipt_keys").orderBy([
      { column: "valid_from", order: "asc" },
      { column: "key_id", order: "asc" },
    ]);
    return rows.map(fromRow);
  }

  /** Inserts unless a key with this id exists (two replicas starting at once keep the first). */
  async insertIfAbsent(k: ReceiptKeyRecord, trx: Knex = this.db): Promise<void> {
    await trx("receipt_keys")
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
  async closeCurrent(at: string, trx: Knex = this.db): Promise<void> {
    await trx("receipt_keys").whereNull("valid_until").update({ valid_until: at });
  }

  async legacy(trx: Knex = this.db): Promise<LegacyKeyRecord[]> {
    const rows = await trx("coordinator_keys").orderBy("created_at");
    return rows.map((r: Record<string, unknown>) => ({
      keyId: String(r.key_id),
      publicKey: String(r.public_key),
      secretKey: String(r.secret_key),
      createdAt: String(r.created_at),
    }));
  }

  async deleteLegacy(keyId: string, trx: Knex = this.db): Promise<void> {
    await trx("coordinator_keys").where({ key_id: keyId }).delete();
  }
}
