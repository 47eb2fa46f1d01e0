// Accounts and their API keys as the use cases see them, and what they need from storage
// (implemented in data/accounts-repo.ts and data/api-keys-repo.ts).
import type { Tx } from "../store/transactions.js";

export type Role = "customer" | "provider" | "admin";

export interface AccountRecord {
  id: string;
  name: string;
  role: Role;
  tenantId: string;
  /** The hash of the account's first key; authentication reads api_keys (rotation, revocation). */
  apiKeyHash: string;
  address: string;
  createdAt: string;
}

export interface AccountStore {
  insert(a: AccountRecord, tx?: Tx): Promise<void>;
  byId(id: string, tx?: Tx): Promise<AccountRecord | undefined>;
  countByRole(tenantId?: string): Promise<Record<Role, number>>;
  idsOfTenant(tenantId: string, role: Role): Promise<string[]>;
}

export interface ApiKeyRecord {
  keyId: string;
  accountId: string;
  keyHash: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyStore {
  insert(k: ApiKeyRecord, tx?: Tx): Promise<void>;
  byHash(hash: string): Promise<ApiKeyRecord | undefined>;
  byId(accountId: string, keyId: string, tx?: Tx): Promise<ApiKeyRecord | undefined>;
  /** An account's keys, newest first. */
  ofAccount(accountId: string): Promise<ApiKeyRecord[]>;
  /** Revokes unless already revoked (the first revocation time stays). */
  revoke(accountId: string, keyId: string, at: string, tx?: Tx): Promise<void>;
  /** Shortens a key's life to `until` (never lengthens it). */
  expire(accountId: string, keyId: string, until: string, tx?: Tx): Promise<void>;
}
