// The node has one privileged caller: the stack's admin key (AITBC_ADMIN_API_KEY), for the faucet.
import type { Request } from "express";
import { Unauthorized, readApiKey, safeEqual } from "@aitbc/server-lib";

export function requireAdmin(req: Request, adminApiKey: string | undefined): void {
  const key = readApiKey(req);
  if (!adminApiKey)
    throw new Unauthorized("This node has no admin key configured (AITBC_ADMIN_API_KEY).");
  if (!key || !safeEqual(key, adminApiKey))
    throw new Unauthorized("Send the admin API key in the X-API-Key header.");
}
