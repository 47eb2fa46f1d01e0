// The HTTP shell every service shares, exercised through a real server on port 0 with the
// coordinator's contract (only /v1/health is routed here).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Conflict,
  createBaseApp,
  createLogger,
  finishApp,
  listen,
  type RunningServer,
} from "../src/index.js";

const logger = createLogger("lib-test", "silent");
let server: RunningServer;
let health: () => unknown = () => ({ status: "ok", service: "coordinator", version: "0.1.0" });

beforeAll(async () => {
  const app = createBaseApp({ logger, spec: "coordinator" });
  app.get("/v1/health", (_req, res) => {
    res.json(health());
  });
  app.get("/v1/keys", () => {
    throw new Conflict("already_exists", "A thing with this id exists.", { thing: "x" });
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers: { "X-API-Key": "k-" + path, ...headers } });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

describe("createBaseApp + finishApp", () => {
  it("serves a route and echoes a safe request id", async () => {
    const { res, body } = await get("/v1/health", { "X-Request-Id": "abc-123" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(body.status).toBe("ok");
  });

  it("replaces an unsafe request id", async () => {
    const { res } = await get("/v1/health", { "X-Request-Id": "bad id with spaces" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers unknown paths with a 404 problem", async () => {
    const { res, body } = await get("/v1/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(body).toMatchObject({ status: 404, code: "not_found", instance: "/v1/nope" });
  });

  it("rejects an undocumented query parameter, naming it", async () => {
    const { res, body } = await get("/v1/health?verbose=1");
    expect(res.status).toBe(400);
    expect(body.code).toBe("validation_failed");
    expect(body.errors).toEqual([expect.objectContaining({ field: "query.verbose" })]);
  });

  it("turns a thrown AppError into its problem, extensions included", async () => {
    const { res, body } = await get("/v1/keys");
    expect(res.status).toBe(409);
    expect(body).toMatchObject({
      code: "already_exists",
      detail: "A thing with this id exists.",
      thing: "x",
    });
    expect(body.request_id).toBe(res.headers.get("x-request-id"));
  });

  it("refuses a response that breaks the contract, without leaking it", async () => {
    health = () => ({ status: "splendid", service: "coordinator", version: "0.1.0" });
    try {
      const { res, body } = await get("/v1/health");
      expect(res.status).toBe(500);
      expect(body.code).toBe("internal_error");
      expect(JSON.stringify(body)).not.toContain("splendid");
    } finally {
      health = () => ({ status: "ok", service: "coordinator", version: "0.1.0" });
    }
  });

  it("answers malformed JSON with invalid_json and an oversized body with 413", async () => {
    const bad = await fetch(server.url + "/v1/services/register", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": "json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("invalid_json");
    const big = await fetch(server.url + "/v1/services/register", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": "big" },
      body: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { code: string }).code).toBe("payload_too_large");
  });
});
