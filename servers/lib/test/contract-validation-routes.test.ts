// How contract validation finds a request's operation: the operation and decoded path parameters
// for a match, static paths before templated ones, 405 with Allow for a known path's other
// methods, 404 for an unknown path, 400 for a malformed URI, and path parameters still checked
// against the contract.
import type { Request, Response } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBaseApp,
  createLogger,
  finishApp,
  listen,
  type RunningServer,
} from "../src/index.js";

const logger = createLogger("lib-test", "silent");
let server: RunningServer;

beforeAll(async () => {
  const app = createBaseApp({ logger, spec: "coordinator", validateResponses: false });
  // Echo what the validator decided, so the test sees the lookup's result.
  const echo = (route: string) => (req: Request, res: Response) => {
    const openapi = (req as unknown as { openapi: { openApiRoute: string; expressRoute: string } })
      .openapi;
    res.json({ route, openApiRoute: openapi.openApiRoute, params: req.params });
  };
  app.get("/v1/services/:service_id", echo("service"));
  app.get("/v1/jobs/:job_id/status", echo("status"));
  app.post("/v1/jobs/create", echo("create"));
  app.get("/v1/receipts", echo("receipts"));
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(server.url + path, {
    method,
    headers: { "X-API-Key": "k", ...(body ? { "Content-Type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

describe("contract validation's route lookup", () => {
  it("finds a templated route and hands the handler its decoded path parameters", async () => {
    const { res, body } = await call("GET", "/v1/services/gpu%2Drig-1");
    expect(res.status).toBe(200);
    expect(body).toEqual({
      route: "service",
      openApiRoute: "/v1/services/{service_id}",
      params: { service_id: "gpu-rig-1" },
    });
    const status = await call("GET", "/v1/jobs/abc123/status");
    expect(status.body).toMatchObject({
      openApiRoute: "/v1/jobs/{job_id}/status",
      params: { job_id: "abc123" },
    });
  });

  it("matches a static path before a templated one that would also match", async () => {
    // /v1/services/register is its own path (POST only): GET on it is 405, not a service lookup.
    const { res, body } = await call("GET", "/v1/services/register");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(body.status).toBe(405);
  });

  it("answers another method on a known path with 405 and the allowed methods", async () => {
    const { res } = await call("DELETE", "/v1/jobs/abc/status");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("answers an unknown path with a 404 problem", async () => {
    const { res, body } = await call("GET", "/v1/jobs/abc/nothing-here");
    expect(res.status).toBe(404);
    expect(body.code).toBe("not_found");
  });

  it("answers a malformed percent-encoding with a 400 problem", async () => {
    const { res, body } = await call("GET", "/v1/services/%E0%A4%A");
    expect(res.status).toBe(400);
    expect(body.status).toBe(400);
  });

  it("still validates what it found: the query and the body of the matched operation", async () => {
    const bad = await call("GET", "/v1/receipts?limit=0");
    expect(bad.res.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: "query.limit" })]);
    const badBody = await call("POST", "/v1/jobs/create", { requirements: {}, surprise: 1 });
    expect(badBody.res.status).toBe(400);
  });
});
