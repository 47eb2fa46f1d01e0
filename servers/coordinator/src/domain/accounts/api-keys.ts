// An account's API keys: issued at account creation and by rotation, listed without the secret,
// revoked by their owner or an admin of the account's tenant. Keys are stored as hashes.
//
// Lookups are cached for at most LOOKUP_CACHE_MS, unknown keys included (a stream of random keys
// then costs one query per key per window, not one per request). A revocation here drops the entry
// at once; other replicas, and the wallet and exchange that ask GET /v1/me, see it within their
// own windows, so a revoked key is refused everywhere within 1 s.
import { randomBytes } from "node:crypto";
import { Forbidden, NotFound, generateApiKey, hashApiKey } from "@aitbc/server-lib";
import type {
  AccountRecord,
  AccountStore,
  Role,
  ApiKeyRecord,
  ApiKeyStore,
} from "./account-store.js";
import { requireRole, type Caller } from "./caller.js";
import type { Transactions, Tx } from "../store/transactions.js";

/** How long the key that made a rotation keeps working, so running clients can switch over. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
export const LOOKUP_CACHE_MS = 500;
const CACHE_MAX = 10_000;
const PREFIX_CHARS = 16;

export type ApiKeyStatus = "active" | "expiring" | "expired" | "revoked";

export interface ApiKeyView {
  key_id: string;
  prefix: string;
  status: ApiKeyStatus;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface KeyOwner {
  account: AccountRecord;
  key: ApiKeyRecord;
}

type CacheEntry = { owner: KeyOwner | undefined; until: number };

export class ApiKeys {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly transactions: Transactions,
    private readonly keys: ApiKeyStore,
    private readonly accounts: AccountStore,
  ) {}

  /** The account behind a key, if the key exists, is not revoked and has not expired. */
  async lookup(apiKey: string): Promise<KeyOwner | undefined> {
    const hash = hashApiKey(apiKey);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) return hit.owner;
    const key = await this.keys.byHash(hash);
    const account = key && usable(key, now) ? await this.accounts.byId(key.accountId) : undefined;
    const owner = key && account ? { account, key } : undefined;
    const expiry = owner?.key.expiresAt ? Date.parse(owner.key.expiresAt) : Infinity;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { owner, until: Math.min(now + LOOKUP_CACHE_MS, expiry) });
    return owner;
  }

  /** A new key for an account (inside the caller's transaction). */
  async issue(
    accountId: string,
    role: Role,
    tx: Tx,
  ): Promise<{ apiKey: string; key: ApiKeyRecord }> {
    const apiKey = generateApiKey(`ak_${role}`);
    const key: ApiKeyRecord = {
      keyId: randomBytes(16).toString("hex"),
      accountId,
      keyHash: hashApiKey(apiKey),
      prefix: apiKey.slice(0, PREFIX_CHARS),
      createdAt: new Date().toISOString(),
      expiresAt: null,
      revokedAt: null,
    };
    await this.keys.insert(key, tx);
    return { apiKey, key };
  }

  async rotate(
    caller: Caller,
    revokeCurrent: boolean,
  ): Promise<{ api_key: string; key: ApiKeyView; previous: ApiKeyView }> {
    const current = accountKeyOf(caller);
    const now = new Date();
    const issued = await this.transactions.run(async (tx) => {
      const out = await this.issue(caller.id, caller.role, tx);
      if (revokeCurrent) await this.keys.revoke(caller.id, current, now.toISOString(), tx);
      else
        await this.keys.expire(
          caller.id,
          current,
          new Date(now.getTime() + ROTATION_GRACE_MS).toISOString(),
          tx,
        );
      return out;
    });
    const previous = await this.keys.byId(caller.id, current);
    this.forget(previous);
    return { api_key: issued.apiKey, key: view(issued.key), previous: view(previous!) };
  }

  async listOwn(caller: Caller): Promise<ApiKeyView[]> {
    accountKeyOf(caller);
    return (await this.keys.ofAccount(caller.id)).map((k) => view(k));
  }

  async revokeOwn(caller: Caller, keyId: string): Promise<ApiKeyView> {
    accountKeyOf(caller);
    return this.revoke(caller.id, keyId);
  }

  async listFor(caller: Caller, accountId: string): Promise<ApiKeyView[]> {
    await this.administered(caller, accountId);
    return (await this.keys.ofAccount(accountId)).map((k) => view(k));
  }

  async revokeFor(caller: Caller, accountId: string, keyId: string): Promise<ApiKeyView> {
    await this.administered(caller, accountId);
    return this.revoke(accountId, keyId);
  }

  private async revoke(accountId: string, keyId: string): Promise<ApiKeyView> {
    await this.keys.revoke(accountId, keyId, new Date().toISOString());
    const key = await this.keys.byId(accountId, keyId);
    if (!key) throw new NotFound(`No API key with id ${keyId} on account ${accountId}.`);
    this.forget(key);
    return view(key);
  }

  /** The account, if the caller administers it; another tenant's account is 404, so ids do not leak. */
  private async administered(caller: Caller, accountId: string): Promise<AccountRecord> {
    requireRole(caller, "admin");
    const account = await this.accounts.byId(accountId);
    if (!account || (!caller.platformAdmin && account.tenantId !== caller.tenantId))
      throw new NotFound(`No account with id ${accountId}.`);
    return account;
  }

  private forget(key: ApiKeyRecord | undefined): void {
    if (key) this.cache.delete(key.keyHash);
  }
}

function usable(key: ApiKeyRecord, now: number): boolean {
  return !key.revokedAt && (!key.expiresAt || Date.parse(key.expiresAt) > now);
}

function accountKeyOf(caller: Caller): string {
  if (caller.platformAdmin || !caller.keyId)
    throw new Forbidden(
      "The platform admin key is not an account key; it has no keys to manage here.",
    );
  return caller.keyId;
}

export function view(k: ApiKeyRecord, now = Date.now()): ApiKeyView {
  const status: ApiKeyStatus = k.revokedAt
    ? "revoked"
    : k.expiresAt && Date.parse(k.expiresAt) <= now
      ? "expired"
      : k.expiresAt
        ? "expiring"
        : "active";
  return {
    key_id: k.keyId,
    prefix: k.prefix,
    status,
    created_at: k.createdAt,
    expires_at: k.expiresAt,
    revoked_at: k.revokedAt,
  };
}
