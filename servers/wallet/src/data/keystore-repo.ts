import type { Knex } from "@aitbc/server-lib";
import type { KeystoreMeta, KeystoreStore } from "../domain/keys/keystore-store.js";

export class KeystoreRepo implements KeystoreStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<KeystoreMeta | undefined> {
    const row = await this.db("wallet_keystore").where({ id: 1 }).first();
    if (!row) return undefined;
    return {
      kdf: { salt: row.salt, N: Number(row.n), r: Number(row.r), p: Number(row.p) },
      check: { nonce: row.check_nonce, ciphertext: row.check_ciphertext },
    };
  }

  /** Returns false when another process created the keystore first. */
  async create(meta: KeystoreMeta): Promise<boolean> {
    const inserted = await this.db("wallet_keystore")
      .insert({
        id: 1,
        kdf: "scrypt",
        salt: meta.kdf.salt,
        n: meta.kdf.N,
        r: meta.kdf.r,
        p: meta.kdf.p,
        check_nonce: meta.check.nonce,
        check_ciphertext: meta.check.ciphertext,
        created_at: new Date().toISOString(),
      })
      .onConflict("id")
      .ignore()
      .returning("id");
    return inserted.length > 0;
  }
}
