// Limits and the error model at the edge: body size (413), per-key rate limit (429 with
// Retry-After), unknown paths, non-JSON bodies; every error is problem+json with no internals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { createAccount, startHarness, type Account, type Harness } from "./support/harness.js";

describe.each(testDatabaseKinds())("limits (%s)", (kind) => {
  let h: Harness;
  let provider: Account;

  beforeAll(async () => {
    h = await startHarness(kind, { rateLimit: { perSecond: 1, burst: 5 } });
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

  it("rate-limits per key with 429 and Retry-After, without slowing other keys", async () => {
    const key = "rate-limit-probe-key";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await fetch(h.url + "/v1/me", { headers: { "X-API-Key": key } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect(await res.json()).toMatchObject({ code: "rate_limited" });
      }
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await fetch(h.url + "/v1/me", { headers: { "X-API-Key": provider.apiKey } });
    expect(other.status).toBe(200);
  });
});
