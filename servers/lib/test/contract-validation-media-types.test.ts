// Media types on the way into the validator (content-type-guard.ts canonicalizes them): a JSON
// body is validated whatever its parameters say, another media type with a body is a 415 problem,
// a bodyless request with an odd Content-Type is served, responses are still checked, and many
// distinct Content-Type values change nothing.
import type { Request, Response } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeGuard } from "../src/http/content-type-guard.js";
import {
  AppError,
  createBaseApp,
  createLogger,
  finishApp,
  listen,
  type RunningServer,
} from "../src/index.js";

const logger = createLogger("lib-test", "silent");
let server: RunningServer;
let keys: unknown = { keys: [] };

beforeAll(async () => {
  const app = createBaseApp({ logger, spec: "coordinator" });
  app.post("/v1/jobs/create", (_req: Request, res: Response) => {
    res.status(418).json({});
  });
  app.get("/v1/keys", (_req: Request, res: Response) => {
    res.json(keys);
  });
  finishApp(app, logger);
  server = await listen(app, { port: 0 });
});
afterAll(() => server.close());

const create = (contentType: string, body: string) =>
  fetch(server.url + "/v1/jobs/create", {
    method: "POST",
    headers: { "X-API-Key": "k", "Content-Type": contentType },
    body,
  });

describe("the validator's media types", () => {
  it("validates a JSON body whatever its charset parameter", async () => {
    for (const type of [
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON; Charset=UTF-8",
    ]) {
      const res = await create(type, JSON.stringify({ surprise: true }));
      expect(res.status, type).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("validation_failed");
    }
  });

  it("answers another media type with a 415 problem", async () => {
    const res = await create("text/plain", "hello");
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 415, code: "unsupported_media_type" });
  });

  it("serves a bodyless request whatever Content-Type it names", async () => {
    const res = await fetch(server.url + "/v1/keys", {
      headers: { "Content-Type": "text/x-anything; n=1" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ keys: [] });
  });

  it("answers many distinct JSON Content-Type values alike", { timeout: 60_000 }, async () => {
    for (let i = 0; i < 300; i++) {
      const res = await create(`application/json; x-n=${i}`, "{}");
      expect(res.status).toBe(400);
      await res.arrayBuffer();
    }
    expect((await create("text/csv", "a,b")).status).toBe(415);
  });

  it("still checks responses against the contract", async () => {
    keys = { keys: "not a list" };
    const bad = await fetch(server.url + "/v1/keys", { headers: { Accept: "application/json" } });
    expect(bad.status).toBe(500);
    keys = { keys: [] };
  });

  it("hands the validator one Content-Type text for every JSON variant (its caches key on it)", () => {
    const seen = (headers: Record<string, string>) => {
      const req = { headers: { ...headers } } as unknown as Request;
      let passed: unknown = "not called";
      contentTypeGuard(req, {} as Response, (err?: unknown) => (passed = err));
      return { header: req.headers["content-type"], passed };
    };
    for (const type of [
      "application/json; charset=utf-8",
      "APPLICATION/JSON;x-n=7",
      "application/json",
    ])
      expect(seen({ "content-type": type, "content-length": "2" })).toEqual({
        header: "application/json",
        passed: undefined,
      });
    expect(seen({ "content-type": "text/x-odd; n=1" })).toEqual({
      header: undefined,
      passed: undefined,
    });
    const refused = seen({ "content-type": "text/x-odd; n=2", "content-length": "5" }).passed;
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 415, code: "unsupported_media_type" });
  });
});
