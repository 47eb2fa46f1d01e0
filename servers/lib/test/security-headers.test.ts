// A page that can be framed can be clickjacked, and a response a browser sniffs into HTML can run
// script. Every response of the shared shell (success, problem, 404, 429, preflight) says:
// never frame me, never sniff me.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBaseApp,
  createLogger,
  finishApp,
  listen,
  type RunningServer,
} from "../src/index.js";

const logger = createLogger("headers-test", "silent");
let server: RunningServer;

beforeAll(async () => {
  const app = createBaseApp({
    logger,
    spec: "coordinator",
    rateLimit: { perSecond: 1, burst: 1, perIp: { perSecond: 0.01, burst: 2 } },
  });
  app.get("/v1/health", (_req, res) => {
    res.json({ status: "ok", service: "coordinator", version: "0.1.0" });
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

describe("security headers", () => {
  it("forbid framing and sniffing on every kind of response", async () => {
    const responses = [
      await fetch(server.url + "/no/such/path"),
      await fetch(server.url + "/v1/health"),
      await fetch(server.url + "/v1/health", { method: "OPTIONS" }),
      await fetch(server.url + "/v1/health"),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 200, 204, 429]);
    for (const res of responses) {
      await res.body?.cancel();
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
