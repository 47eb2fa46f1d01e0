// A node had no rate limit at all: one client could flood every route (and the mempool behind the
// submit route) as fast as its connection allowed. Each client IP now gets a token bucket.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@aitbc/server-lib";
import { createDevGenesis, startNode, type RunningNode } from "../src/index.js";
import { IpRateLimiter } from "../src/http/ip-rate-limit.js";

function get(url: string, localAddress: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(`${url}/api/v1/chain`, { localAddress, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("per-IP rate limit of the node", () => {
  let db: TestDatabase;
  let node: RunningNode;

  beforeAll(async () => {
    db = createTestDatabase("sqlite");
    const dev = createDevGenesis({ validators: 1, blockTimeMs: 3_600_000 });
    node = await startNode({
      host: "127.0.0.1",
      port: 0,
      dataDir: "/nonexistent",
      databaseUrl: db.url,
      genesis: dev.genesis,
      peers: [],
      // One token every 5 s: the test's requests cannot earn a second one on a slow machine.
      rateLimit: { perSecond: 0.2, burst: 5 },
    });
  });
  afterAll(async () => {
    await node?.close();
    await db?.destroy();
  });

  it("answers a client over its burst with 429 rate_limited and Retry-After, others go on", async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await get(node.url, "127.0.0.1"));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual(Array(5).fill(200));
    const limited = answers[7]!;
    expect(limited.status).toBe(429);
    expect(limited.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(JSON.parse(limited.body).code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Another address (127.0.0.2 is loopback too on Linux) has its own bucket.
    expect((await get(node.url, "127.0.0.2")).status).toBe(200);
  });

  it("remembers a bounded number of clients", () => {
    const limiter = new IpRateLimiter({ perSecond: 1, burst: 1, maxClients: 100 });
    for (let i = 0; i < 10_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it("counts an IPv6 /64 as one client", () => {
    const limiter = new IpRateLimiter({ perSecond: 1, burst: 2, maxClients: 100 });
    expect(limiter.take("2001:db8:1:2::1", 0)).toBe(0);
    expect(limiter.take("2001:db8:1:2:ffff::9", 0)).toBe(0);
    expect(limiter.take("2001:db8:1:2::77", 0)).toBeGreaterThan(0);
    expect(limiter.take("2001:db8:1:3::1", 0)).toBe(0);
  });
});
