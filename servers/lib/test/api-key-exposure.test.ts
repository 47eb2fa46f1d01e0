// An API key is a bearer secret: whoever reads it is the account. These tests play a caller
// whose key should never be written anywhere, and an attacker who hopes it was: every log line
// of a request (success, refusal, crash) is searched for the key, and a key in a URL, which
// proxies and browsers keep, is refused outright on ordinary HTTP routes.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBaseApp,
  createLogger,
  finishApp,
  listen,
  readApiKey,
  type RunningServer,
} from "../src/index.js";

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    done();
  },
});
// Debug: successes are logged at debug, so every request writes a line.
const logger = createLogger("keys-test", "debug", sink);
let server: RunningServer;

const key = () => `ak_customer_${randomBytes(24).toString("base64url")}`;

beforeAll(async () => {
  const app = createBaseApp({ logger, spec: "coordinator", ignorePaths: /^\/page/ });
  app.get("/v1/health", (_req, res) => {
    res.json({ status: "ok", service: "coordinator", version: "0.1.0" });
  });
  // A route outside the contract (as the exchange's static pages are): nothing validates its query.
  app.get("/page", (req, res) => {
    req.log.info({ caller: { id: "c1", apiKey: readApiKey(req) } }, "page served");
    res.json({ key: readApiKey(req) ?? null });
  });
  // An error whose message quotes what it was given, as an upstream client's error might.
  app.get("/page/crash", (req) => {
    throw new Error(`upstream refused ${req.originalUrl} for ${String(req.headers["x-api-key"])}`);
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

function leaked(secret: string): string[] {
  return lines.filter((l) => l.includes(secret));
}

describe("API keys in URLs", () => {
  it("refuses api_key in the query of an HTTP route with a 400 that points at the header", async () => {
    const secret = key();
    for (const path of [`/page?api_key=${secret}`, `/v1/health?api_key=${secret}`]) {
      const res = await fetch(server.url + path);
      const body = (await res.json()) as { code: string; detail: string };
      expect(res.status, path).toBe(400);
      expect(body.code).toBe("validation_failed");
      expect(body.detail).toMatch(/X-API-Key header/);
      expect(JSON.stringify(body)).not.toContain(secret);
    }
  });
});

describe("request logs", () => {
  it("never contain a key, whether it came in a header, in the query, or in an error", async () => {
    const inHeader = key();
    const inQuery = key();
    const inCrash = key();
    const junk = `not-a-key-${randomBytes(8).toString("hex")}`;
    lines.length = 0;
    const requests: Array<[string, Record<string, string>]> = [
      ["/v1/health", { "X-API-Key": inHeader }],
      ["/page", { "X-API-Key": inHeader }],
      [`/page?api_key=${inQuery}`, {}],
      [`/page?x=1&API_KEY=${inQuery}`, {}],
      [`/v1/health?api_key=${inQuery}`, { "X-API-Key": junk }],
      [`/page/crash?api_key=${inCrash}`, { "X-API-Key": inCrash }],
      ["/page/crash", { "X-API-Key": inCrash }],
      ["/nowhere", { "X-API-Key": inHeader, Authorization: `Bearer ${inHeader}` }],
    ];
    for (const [path, headers] of requests) {
      const res = await fetch(server.url + path, { headers });
      await res.body?.cancel();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.length).toBeGreaterThanOrEqual(requests.length);
    for (const secret of [inHeader, inQuery, inCrash, junk])
      expect(leaked(secret), `lines with ${secret}`).toEqual([]);
    // The lines are still useful: the path is there, the key is marked as removed.
    expect(lines.some((l) => l.includes("/page?api_key=[REDACTED]"))).toBe(true);
  });
});
