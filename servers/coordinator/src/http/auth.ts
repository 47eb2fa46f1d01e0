// How the coordinator turns X-API-Key (or `api_key` on WebSocket upgrades) into a Caller: the
// platform admin key from the config, or an account's key (not revoked, not expired) looked up by
// its hash.
import type { Request } from "express";
import { Unauthorized, chargeCaller, readApiKey, safeEqual } from "@aitbc/server-lib";
import type { ApiKeys } from "../domain/accounts/api-keys.js";
import { PLATFORM_ADMIN_ID, PLATFORM_TENANT, type Caller } from "../domain/accounts/caller.js";

export class Authenticator {
  constructor(
    private readonly apiKeys: ApiKeys,
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
        keyId: null,
      };
    }
    const owner = await this.apiKeys.lookup(key);
    if (!owner) return undefined;
    const a = owner.account;
    return {
      id: a.id,
      name: a.name,
      role: a.role,
      tenantId: a.tenantId,
      address: a.address,
      platformAdmin: false,
      apiKey: key,
      keyId: owner.key.keyId,
    };
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
