// X-API-Key → Caller. The stack's admin key is recognised locally (no round trip); every other key
// is an account key that the directory (the coordinator) resolves.
import type { Request } from "express";
import { Forbidden, Unauthorized } from "../errors.js";
import { readApiKey, safeEqual } from "../http/api-key.js";
import { chargeCaller } from "../http/rate-limit.js";
import { isPlatformAdmin, type AccountDirectory, type Caller } from "./caller.js";

export type Authenticate = (req: Request) => Promise<Caller>;

export function authenticator(options: {
  directory: AccountDirectory;
  adminApiKey?: string;
}): Authenticate {
  return async (req) => {
    const key = readApiKey(req);
    if (!key) throw new Unauthorized();
    if (options.adminApiKey && safeEqual(key, options.adminApiKey)) {
      chargeCaller(req, "admin-key");
      return { kind: "admin-key", role: "admin" };
    }
    const caller = await options.directory.whoIs(key);
    chargeCaller(req, isPlatformAdmin(caller) ? "admin-key" : `account:${caller.id}`);
    return caller;
  };
}

/** The platform admin only: a tenant admin's account key (role admin) is refused. */
export function requireAdmin(caller: Caller): void {
  if (!isPlatformAdmin(caller))
    throw new Forbidden(
      "This operation needs the platform admin key; a tenant admin key is not enough.",
    );
}
