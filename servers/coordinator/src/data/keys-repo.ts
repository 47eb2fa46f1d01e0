import type { Knex } from "@aitbc/server-lib";

export interface KeyRecord {
  keyId: string;
  publicKey: string;
  secretKey: string;
  createdAt: string;
}

export class KeysRepo {
  constructor(private readonly db: Knex) {}

  async all(): Promise<KeyRecord[]> {
    const rows = await this.db("coordinator_keys").orderBy("created_at");
    return rows.map((r: Record<string, unknown>) => ({
      keyId: String(r.key_id),
      publicKey: String(r.public_key),
      secretKey: String(r.secret_key),
      createdAt: String(r.created_at),
    }));
  }

  /** Inserts unless a key with this id exists (two replicas starting at once keep the first). */
  async insertIfAbsent(k: KeyRecord): Promise<void> {
    await this.db("coordinator_keys")
      .insert({
        key_id: k.keyId,
        public_key: k.publicKey,
        secret_key: k.secretKey,
        created_at: k.createdAt,
      })
      .onConflict("key_id")
      .ignore();
  }
}
