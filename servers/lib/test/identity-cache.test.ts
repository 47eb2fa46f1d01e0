// The identity cache the wallet and the exchange put in front of the coordinator: an attacker's
// stream of random keys must not become one coordinator call per request, a revoked key must stop
// working within 1 s, and only the platform admin passes requireAdmin (not a tenant admin's key).
import { describe, expect, it } from "vitest";
import {
  MAX_IDENTITY_CACHE_MS,
  Unauthorized,
  cachedDirectory,
  requireAdmin,
  type AccountDirectory,
  type DirectoryCaller,
} from "../src/index.js";

function countingDirectory(known: Map<string, DirectoryCaller>) {
  let calls = 0;
  const directory: AccountDirectory = {
    async whoIs(key) {
      calls++;
      const c = known.get(key);
      if (!c) throw new Unauthorized();
      return c;
    },
  };
  return { directory, calls: () => calls };
}

const alice: DirectoryCaller = {
  kind: "account",
  id: "alice",
  role: "customer",
  tenantId: "default",
  address: null,
};

describe("cached identity directory", () => {
  it("caches unknown keys too: 50 tries of one random key cost one lookup", async () => {
    const inner = countingDirectory(new Map());
    const cached = cachedDirectory(inner.directory, 500);
    for (let i = 0; i < 50; i++)
      await expect(cached.whoIs("ak_customer_random")).rejects.toBeInstanceOf(Unauthorized);
    expect(inner.calls()).toBe(1);
  });

  it("never trusts a lookup longer than MAX_IDENTITY_CACHE_MS, whatever it is configured to", async () => {
    expect(MAX_IDENTITY_CACHE_MS).toBeLessThanOrEqual(500);
    const known = new Map([["k", alice]]);
    const inner = countingDirectory(known);
    const cached = cachedDirectory(inner.directory, 10_000);
    expect(await cached.whoIs("k")).toEqual(alice);
    known.delete("k"); // revoked at the coordinator
    const revokedAt = Date.now();
    for (;;) {
      const refused = await cached.whoIs("k").then(
        () => false,
        (err) => err instanceof Unauthorized,
      );
      if (refused) break;
      expect(Date.now() - revokedAt).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(MAX_IDENTITY_CACHE_MS + 100);
  });

  it("requireAdmin lets the platform admin through and refuses a tenant admin's account key", () => {
    expect(() => requireAdmin({ kind: "admin-key", role: "admin" })).not.toThrow();
    expect(() => requireAdmin({ ...alice, role: "admin", tenantId: "tenant-a" })).toThrow(
      /platform admin/,
    );
  });
});
