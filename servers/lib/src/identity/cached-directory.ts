// A few seconds of caching in front of the coordinator, so a burst of wallet calls costs one
// GET /v1/me. Short on purpose: a revoked key stops working within the TTL. Failures are not cached.
import { createHash } from "node:crypto";
import type { AccountCaller, AccountDirectory } from "./caller.js";

const MAX_ENTRIES = 10_000;

export function cachedDirectory(inner: AccountDirectory, ttlMs: number): AccountDirectory {
  if (ttlMs <= 0) return inner;
  const cache = new Map<string, { caller: AccountCaller; expires: number }>();
  return {
    async whoIs(apiKey) {
      // Keys are kept hashed even in memory, so a heap dump does not hand them out.
      const k = createHash("sha256").update(apiKey).digest("base64url");
      const now = Date.now();
      const hit = cache.get(k);
      if (hit && hit.expires > now) return hit.caller;
      const caller = await inner.whoIs(apiKey);
      if (cache.size >= MAX_ENTRIES) {
        for (const [key, entry] of cache) if (entry.expires <= now) cache.delete(key);
        if (cache.size >= MAX_ENTRIES) cache.clear();
      }
      cache.set(k, { caller, expires: now + ttlMs });
      return caller;
    },
  };
}
