// createBaseApp's request log writes the line pino-http writes (it replaced pino-http's
// middleware to serialize requests only for lines that are written): the same request, response,
// level and message for successes (debug), client errors (info) and server errors (error).
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import express, { type Express } from "express";
import { pino } from "pino";
import { pinoHttp } from "pino-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../src/testing/poll-until.js";
import {
  Conflict,
  cors,
  createBaseApp,
  finishApp,
  listen,
  securityHeaders,
  type RunningServer,
} from "../src/index.js";

type Line = Record<string, unknown>;

function capture(level: string) {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  return { lines, logger: pino({ name: "t", level, base: { service: "t" } }, stream) };
}

function routes(app: Express): void {
  app.get("/v1/ok/:id", (req, res) => {
    // pino-http's req.log stays usable (made on first use now).
    res.json({ id: req.params.id, logs: typeof req.log.info });
  });
  app.post("/v1/conflict", () => {
    throw new Conflict("already_exists", "It exists.");
  });
  app.get("/v1/boom", () => {
    throw new Error("kaboom");
  });
}

/** The shell as it was with pino-http's middleware. */
function pinoHttpApp(logger: pino.Logger): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id =
          typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "info" : "debug",
    }),
  );
  app.use(securityHeaders());
  app.use(cors);
  app.use(express.json());
  routes(app);
  return finishApp(app, pino({ level: "silent" }));
}

function baseApp(logger: pino.Logger): Express {
  const app = createBaseApp({ logger, spec: "coordinator", ignorePaths: /.*/ });
  routes(app);
  return finishApp(app, pino({ level: "silent" }));
}

/** What may differ between two runs of the same request. */
function comparable(line: Line | undefined): unknown {
  const c = structuredClone(line ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const k of ["time", "pid", "hostname", "responseTime"]) delete c[k];
  delete c.req?.remotePort;
  delete c.req?.headers?.host;
  delete c.res?.headers?.date;
  delete c.res?.headers?.etag;
  const err = c.err as unknown as { stack?: string } | undefined;
  if (err?.stack) err.stack = err.stack.split("\n")[0]!;
  return c;
}

async function send(server: RunningServer, path: string, method = "GET") {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      "X-Request-Id": "req-1",
      ...(method === "POST" ? { "Content-Type": "application/json" } : {}),
    },
    ...(method === "POST" ? { body: "{}" } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const before = capture("debug");
const after = capture("debug");
const quiet = capture("info");
let servers: RunningServer[];

beforeAll(async () => {
  servers = await Promise.all(
    [pinoHttpApp(before.logger), baseApp(after.logger), baseApp(quiet.logger)].map((app) =>
      listen(app, { port: 0 }),
    ),
  );
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Resolves once `ready()` holds; fails after a deadline. */
async function until(ready: () => boolean): Promise<void> {
  await eventually(ready, "the log line", 5000, 5);
}

/** Sends the request to each server; the line each wrote for it (the quiet one's new lines). */
async function linesFor(path: string, method = "GET") {
  const seen = {
    before: before.lines.length,
    after: after.lines.length,
    quiet: quiet.lines.length,
  };
  const statuses: number[] = [];
  const bodies: unknown[] = [];
  for (const server of servers) {
    const res = await send(server, path, method);
    statuses.push(res.status);
    bodies.push(res.body);
  }
  // A line is written when its response finishes, which can be just after the client has it.
  await until(() => before.lines.length > seen.before && after.lines.length > seen.after);
  // The quiet server logs 404s: one more request marks the end of what it wrote for this one.
  await send(servers[2]!, "/v1/marker-after-" + path.slice(4, 8));
  await until(() => quiet.lines.some((l, i) => i >= seen.quiet && isMarker(l)));
  return {
    statuses,
    bodies,
    before: before.lines[seen.before],
    after: after.lines[seen.after],
    quiet: quiet.lines.slice(seen.quiet).filter((l) => !isMarker(l)),
  };
}

function isMarker(line: Line): boolean {
  return String((line.req as { url?: string } | undefined)?.url).startsWith("/v1/marker-after-");
}

describe("the request log", () => {
  it("logs a success at debug as pino-http did, and not at all at info", async () => {
    const got = await linesFor("/v1/ok/7?a=1&b[c]=2");
    expect(got.statuses).toEqual([200, 200, 200]);
    expect(got.bodies[1]).toEqual({ id: "7", logs: "function" });
    expect(got.after).toMatchObject({ level: 20, msg: "request completed" });
    expect(comparable(got.after)).toEqual(comparable(got.before));
    expect(got.quiet).toEqual([]);
  });

  it("logs a client error at info as pino-http did", async () => {
    const got = await linesFor("/v1/conflict", "POST");
    expect(got.statuses).toEqual([409, 409, 409]);
    expect(got.after).toMatchObject({ level: 30, res: { statusCode: 409 } });
    expect(comparable(got.after)).toEqual(comparable(got.before));
    expect(got.quiet.map(comparable)).toEqual([comparable(got.after)]);
  });

  it("logs a server error at error with the error, as pino-http did", async () => {
    const got = await linesFor("/v1/boom");
    expect(got.statuses).toEqual([500, 500, 500]);
    expect(got.after).toMatchObject({ level: 50, msg: "request errored" });
    expect(comparable(got.after)).toEqual(comparable(got.before));
  });

  it("logs an unknown path's 404 as pino-http did", async () => {
    const got = await linesFor("/v1/nope");
    expect(got.statuses).toEqual([404, 404, 404]);
    expect(comparable(got.after)).toEqual(comparable(got.before));
  });
});
