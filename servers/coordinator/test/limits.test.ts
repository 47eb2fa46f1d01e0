// Limits and the error model at the edge: body size (413), rate limits per verified caller and
// per client IP (429 with Retry-After), unknown paths, non-JSON bodies; every error is problem+json with no internals.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { createAccount, startHarness, type Account, type Harness } from "./support/harness.js";

describe.each(testDatabaseKinds())("limits (%s)", (kind) => {
  let h: Harness;
  let provider: Account;

  beforeAll(async () => {
    // Slow refills, so a busy machine cannot earn tokens back mid-test.
    h = await startHarness(kind, {
      rateLimit: { perSecond: 0.01, burst: 5, perIp: { perSecond: 0.01, burst: 30 } },
    });
    provider = await createAccount(h, "provider", "p1");
  });
  afterAll(() => h.close());

  const post = (path: string, body: string, key = provider.apiKey, type = "application/json") =>
    fetch(h.url + path, {
      method: "POST",
      headers: { "Content-Type": type, "X-API-Key": key },
      body,
    });

  it("answers 413 problem+json for a body over 1 MiB", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10), role: "customer" });
    const res = await post("/v1/admin/accounts", big, "other-key-1");
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("answers 400 invalid_json for a broken body and 404 for unknown paths", async () => {
    const res = await post("/v1/services/register", "{not json", "other-key-2");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_json" });
    const missing = await fetch(h.url + "/v1/nothing-here", { headers: { "X-API-Key": "k3" } });
    expect(missing.status).toBe(404);
    const body = await missing.json();
    expect(body).toMatchObject({ code: "not_found" });
    expect(JSON.stringify(body)).not.toMatch(/stack|at \/|node_modules|select /i);
  });

  it("rate-limits a verified caller with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(h.url + "/v1/me", { headers: { "X-API-Key": provider.apiKey } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect(await res.json()).toMatchObject({ code: "rate_limited" });
      } else await res.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("still answers 429 to a client that makes up a new key for every request", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const key = `ak_customer_${randomBytes(24).toString("base64url")}`;
      const res = await fetch(h.url + "/v1/me", { headers: { "X-API-Key": key } });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 401)).toBe(true);
  });
});
