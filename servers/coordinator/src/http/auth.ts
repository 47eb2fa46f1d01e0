// How the coordinator turns X-API-Key (or `api_key` on WebSocket upgrades) into a Caller: the platform
// admin key from the config, or an account's key looked up by its hash.
import type { Request } from "express";
import { Unauthorized, chargeCaller, hashApiKey, readApiKey, safeEqual } from "@aitbc/server-lib";
import type { AccountsRepo } from "../data/accounts-repo.js";
import { PLATFORM_ADMIN_ID, PLATFORM_TENANT, type Caller } from "../domain/accounts/caller.js";

/** Accounts never change role or tenant and keys are not revoked, so a short cache is safe. */
const CACHE_MS = 10_000;
const CACHE_MAX = 10_000;

export class Authenticator {
  private readonly cache = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly accounts: AccountsRepo,
    private readonly adminApiKey: string,
  ) {}

  async resolve(key: string | undefined): Promise<Caller | undefined> {
    if (!key) return undefined;
    if (safeEqual(key, this.adminApiKey)) {
      return {
        id: PLATFORM_ADMIN_ID,
        name: "Platform admin",
        role: "admin",
        tenantId: PLATFORM_TENANT,
        address: null,
        platformAdmin: true,
        apiKey: key,
      };
    }
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.caller;
    const a = await this.accounts.byKeyHash(hash);
    if (!a) return undefined;
    const caller: Caller = {
      id: a.id,
      name: a.name,
      role: a.role,
      tenantId: a.tenantId,
      address: a.address,
      platformAdmin: false,
      apiKey: key,
    };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { caller, until: Date.now() + CACHE_MS });
    return caller;
  }

  /** The caller, or 401. */
  async require(req: Request): Promise<Caller> {
    const caller = await this.resolve(readApiKey(req));
    if (!caller) throw new Unauthorized();
    chargeCaller(req, caller.id);
    return caller;
  }

  /** The caller if a key was sent (a bad key is still 401), else undefined. */
  async optional(req: Request): Promise<Caller | undefined> {
    const key = readApiKey(req);
    if (!key) return undefined;
    const caller = await this.resolve(key);
    if (!caller) throw new Unauthorized();
    chargeCaller(req, caller.id);
    return caller;
  }
}
