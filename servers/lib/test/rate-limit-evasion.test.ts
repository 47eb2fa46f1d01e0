// An attacker who wants more than its share sends every request with a fresh made-up key: when
// buckets were keyed by whatever key arrived, each one got a new bucket (and a new map entry,
// forever). Buckets are per client IP before authentication and per verified caller after it,
// and the map of buckets has a fixed size.
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authenticator,
  createBaseApp,
  createLogger,
  createRateLimiter,
  finishApp,
  listen,
  Unauthorized,
  type RunningServer,
} from "../src/index.js";

const logger = createLogger("rate-test", "silent");
// Slow refills, so a busy test machine cannot earn a token back mid-test.
const limiter = createRateLimiter({
  perSecond: 0.01,
  burst: 3,
  perIp: { perSecond: 0.01, burst: 5 },
  maxEntries: 20,
});
let server: RunningServer;

beforeAll(async () => {
  const authenticate = authenticator({
    directory: {
      whoIs: async (k) => {
        if (k !== "good-key") throw new Unauthorized();
        return { kind: "account", id: "acct-1", role: "customer", tenantId: "t", address: null };
      },
    },
  });
  const app = createBaseApp({
    logger,
    spec: "coordinator",
    rateLimit: limiter,
    validateResponses: false,
  });
  app.get("/v1/health", (_req, res) => {
    res.json({ status: "ok", service: "coordinator", version: "0.1.0" });
  });
  app.get("/v1/me", async (req, res) => {
    await authenticate(req);
    res.json({ status: "ok", service: "coordinator", version: "0.1.0" });
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0, host: "0.0.0.0" });
});
afterAll(() => server.close());

let lastRetryAfter: string | undefined;

/** GET from a chosen loopback address, so one test can be many clients. */
function getFrom(localAddress: string, path: string, apiKey: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        localAddress,
        headers: { "X-API-Key": apiKey },
      },
      (res) => {
        lastRetryAfter = res.headers["retry-after"];
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const randomKey = () => `ak_customer_${randomBytes(24).toString("base64url")}`;

describe("rate limits an attacker cannot dodge", () => {
  it("a fresh random key per request still gets 429 from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(await getFrom("127.0.0.2", "/v1/health", randomKey()));
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect(Number(lastRetryAfter)).toBeGreaterThanOrEqual(1);
    // Another address is somebody else.
    expect(await getFrom("127.0.0.3", "/v1/health", randomKey())).toBe(200);
  });

  it("a verified caller spread over many addresses is held to its own rate", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(await getFrom(`127.0.1.${i + 1}`, "/v1/me", "good-key"));
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });

  it("keeps at most its configured number of buckets however many clients come", async () => {
    for (let i = 0; i < 60; i++) await getFrom(`127.0.2.${i + 1}`, "/v1/health", randomKey());
    expect(limiter.byIp.size).toBeLessThanOrEqual(20);
    expect(limiter.byCaller.size).toBeLessThanOrEqual(20);
  });

  it("the default map holds 10,000 buckets, dropping the least recently used", () => {
    const big = createRateLimiter({ perSecond: 1, burst: 1, perIp: { perSecond: 1, burst: 1 } });
    big.byIp.take("ip:hot");
    for (let i = 0; i < 25_000; i++) {
      big.byIp.take(`ip:${i}`);
      if (i % 1000 === 0) expect(() => big.byIp.take("ip:hot")).toThrow();
    }
    expect(big.byIp.size).toBe(10_000);
    // Still limited: its bucket was kept because it kept coming back.
    expect(() => big.byIp.take("ip:hot")).toThrow();
  });
});
