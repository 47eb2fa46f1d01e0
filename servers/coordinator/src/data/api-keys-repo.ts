import type { Knex } from "@aitbc/server-lib";
import type { ApiKeyRecord, ApiKeyStore } from "../domain/accounts/account-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { firstRow } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

function fromRow(r: Record<string, unknown>): ApiKeyRecord {
  return {
    keyId: String(r.key_id),
    accountId: String(r.account_id),
    keyHash: String(r.key_hash),
    prefix: String(r.prefix),
    createdAt: String(r.created_at),
    expiresAt: r.expires_at == null ? null : String(r.expires_at),
    revokedAt: r.revoked_at == null ? null : String(r.revoked_at),
  };
}

export class ApiKeysRepo implements ApiKeyStore {
  constructor(private readonly db: Knex) {}

  async insert(k: ApiKeyRecord, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("api_keys").insert({
      key_id: k.keyId,
      account_id: k.accountId,
      key_hash: k.keyHash,
      prefix: k.prefix,
      created_at: k.createdAt,
      expires_at: k.expiresAt,
      revoked_at: k.revokedAt,
    });
  }

  async byHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const r = await firstRow(this.db("api_keys").where({ key_hash: hash }));
    return r ? fromRow(r) : undefined;
  }

  async byId(accountId: string, keyId: string, tx?: Tx): Promise<ApiKeyRecord | undefined> {
    const r = await firstRow(
      knexOf(tx, this.db)("api_keys").where({ account_id: accountId, key_id: keyId }),
    );
    return r ? fromRow(r) : undefined;
  }

  /** An account's keys, newest first. Accounts have a handful of keys; no paging needed. */
  async ofAccount(accountId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db("api_keys")
      .where({ account_id: accountId })
      .orderBy([
        { column: "created_at", order: "desc" },
        { column: "key_id", order: "desc" },
      ])
      .limit(1000);
    return rows.map(fromRow);
  }

  /** Revokes unless already revoked (the first revocation time stays). */
  async revoke(accountId: string, keyId: string, at: string, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("api_keys")
      .where({ account_id: accountId, key_id: keyId })
      .whereNull("revoked_at")
      .update({ revoked_at: at });
  }

  /** Shortens a key's life to `until` (never lengthens it). */
  async expire(accountId: string, keyId: string, until: string, tx?: Tx): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("api_keys")
      .where({ account_id: accountId, key_id: keyId })
      .where((q) => q.whereNull("expires_at").orWhere("expires_at", ">", until))
      .update({ expires_at: until });
  }
}
