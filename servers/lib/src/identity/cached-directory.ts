// A short cache in front of the coordinator, so a burst of wallet calls costs one GET /v1/me, and a
// burst of random keys costs one lookup each per TTL too: unknown keys (401) are cached like known
// ones. Short on purpose: a revoked key stops working within the TTL (at most MAX_IDENTITY_CACHE_MS).
// Other failures (coordinator down) are not cached.
import { createHash } from "node:crypto";
import { Unauthorized } from "../errors.js";
import type { AccountDirectory, DirectoryCaller } from "./caller.js";

const MAX_ENTRIES = 10_000;

/**
 * The longest a service may trust a key lookup. The coordinator's own lookups live at most as long
 * again, so a revoked key is refused everywhere within twice this (1 s).
 */
export const MAX_IDENTITY_CACHE_MS = 500;

type Entry = { caller: DirectoryCaller; expires: number } | { unknown: true; expires: number };

export function cachedDirectory(inner: AccountDirectory, ttlMs: number): AccountDirectory {
  if (ttlMs <= 0) return inner;
  const ttl = Math.min(ttlMs, MAX_IDENTITY_CACHE_MS);
  const cache = new Map<string, Entry>();
  const remember = (k: string, entry: Entry, now: number) => {
    if (cache.size >= MAX_ENTRIES) {
      for (const [key, e] of cache) if (e.expires <= now) cache.delete(key);
      if (cache.size >= MAX_ENTRIES) cache.clear();
    }
    cache.set(k, entry);
  };
  return {
    async whoIs(apiKey) {
      // Keys are kept hashed even in memory, so a heap dump does not hand them out.
      const k = createHash("sha256").update(apiKey).digest("base64url");
      const now = Date.now();
      const hit = cache.get(k);
      if (hit && hit.expires > now) {
        if ("unknown" in hit) throw new Unauthorized();
        return hit.caller;
      }
      let caller: DirectoryCaller;
      try {
        caller = await inner.whoIs(apiKey);
      } catch (err) {
        if (err instanceof Unauthorized) remember(k, { unknown: true, expires: now + ttl }, now);
        throw err;
      }
      remember(k, { caller, expires: now + ttl }, now);
      return caller;
    },
  };
}
