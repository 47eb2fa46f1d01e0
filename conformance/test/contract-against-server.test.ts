// The contract level against a small real HTTP server standing in for an implementation of the
// fixture spec: a conforming one passes, and each kind of violation is a FAIL naming the operation.
import { afterEach, describe, expect, it } from "vitest";
import { runContract, type TargetMode } from "../src/contract/run-contract.js";
import { freePort } from "../src/mock/free-port.js";
import {
  failures,
  json,
  PROBLEM_400,
  quietReporter,
  startServer,
  widgetsDocument,
  type Handler,
} from "./helpers.js";

const WIDGET = { id: "w-1", name: "gear", size: 3 };

/** A widgets service that follows the spec; `override` replaces single answers. */
function widgetsServer(
  override: Partial<Record<"create" | "get" | "badCreate", Handler>> = {},
): Handler {
  return (req, body, res) => {
    if (!req.headers["x-api-key"])
      return json(
        res,
        401,
        { ...PROBLEM_400, status: 401, code: "unauthorized" },
        "application/problem+json",
      );
    if (req.method === "POST" && req.url === "/v1/widgets") {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      const keys = Object.keys(parsed).sort().join(",");
      const valid =
        keys === "name,size" && typeof parsed.name === "string" && Number.isInteger(parsed.size);
      if (!valid)
        return (
          override.badCreate ??
          ((_q, _b, r) => json(r, 400, PROBLEM_400, "application/problem+json"))
        )(req, body, res);
      return (override.create ?? ((_q, _b, r) => json(r, 201, { id: "w-2", ...parsed })))(
        req,
        body,
        res,
      );
    }
    if (req.method === "GET" && req.url?.startsWith("/v1/widgets/")) {
      const id = decodeURIComponent(req.url.slice("/v1/widgets/".length));
      if (!/^w-[0-9]+$/.test(id)) return json(res, 400, PROBLEM_400, "application/problem+json");
      return (override.get ?? ((_q, _b, r) => json(r, 200, WIDGET)))(req, body, res);
    }
    json(res, 404, { ...PROBLEM_400, status: 404, code: "not_found" }, "application/problem+json");
  };
}

let close: (() => Promise<void>) | undefined;
async function closeServer(): Promise<void> {
  await close?.();
  close = undefined;
}
afterEach(closeServer);

async function run(handler: Handler, mode: TargetMode = "real") {
  const server = await startServer(handler);
  close = server.close;
  const reporter = quietReporter();
  await runContract({
    documents: [widgetsDocument()],
    targets: { widgets: { baseUrl: server.url, mode } },
    credentials: { apiKey: "test-key" },
    reporter,
  });
  return reporter;
}

describe("contract level against an implementation", () => {
  it("passes a server that answers every valid and invalid request as documented", async () => {
    const reporter = await run(widgetsServer());
    expect(failures(reporter)).toEqual([]);
    const subjects = reporter.results.map((r) => r.subject);
    expect(subjects).toContain("POST /v1/widgets (createWidget)");
    expect(subjects).toContain("POST /v1/widgets (createWidget) [missing body field name]");
    expect(subjects).toContain(
      "POST /v1/widgets (createWidget) [body field name of the wrong type]",
    );
    expect(subjects).toContain(
      "POST /v1/widgets (createWidget) [undeclared body field conformance_unexpected_field]",
    );
    expect(subjects).toContain(
      "GET /v1/widgets/{widget_id} (getWidget) [path parameter widget_id breaking its schema]",
    );
    expect(reporter.summary()).toEqual({ pass: 6, fail: 0, skip: 0 });
  });

  it("fails a body that breaks the response schema, naming the field", async () => {
    const reporter = await run(
      widgetsServer({ get: (_q, _b, r) => json(r, 200, { id: "w-1", name: "gear" }) }),
    );
    expect(failures(reporter)).toEqual([
      "GET /v1/widgets/{widget_id} (getWidget) → 200 application/json body does not match the schema: / must have required property 'size'",
    ]);
  });

  it("fails an undocumented status", async () => {
    const reporter = await run(widgetsServer({ get: (_q, _b, r) => json(r, 418, { tea: true }) }));
    expect(failures(reporter)[0]).toMatch(
      /getWidget\) → status 418 is not documented \(documented: 200, 400, 404\)/,
    );
  });

  it("fails a documented status in an undocumented content type", async () => {
    const reporter = await run(
      widgetsServer({
        get: (_q, _b, r) => {
          r.writeHead(200, { "content-type": "text/plain" });
          r.end("gear");
        },
      }),
    );
    expect(failures(reporter)[0]).toMatch(/200 came as text\/plain, documented: application\/json/);
  });

  it("fails a server that accepts an undeclared field", async () => {
    const reporter = await run(
      widgetsServer({
        badCreate: (req, body, res) => {
          const parsed = JSON.parse(body) as Record<string, unknown>;
          if ("conformance_unexpected_field" in parsed) return json(res, 201, WIDGET);
          json(res, 400, PROBLEM_400, "application/problem+json");
        },
      }),
    );
    expect(failures(reporter)).toEqual([
      "POST /v1/widgets (createWidget) [undeclared body field conformance_unexpected_field] → expected a documented 4xx, got 201 application/json matches the schema",
    ]);
  });

  it("fails a 400 that is not problem+json", async () => {
    const reporter = await run(
      widgetsServer({ badCreate: (_q, _b, r) => json(r, 400, PROBLEM_400) }),
    );
    const failed = failures(reporter);
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatch(
      /\[missing body field name\] → 400 came as application\/json, documented: application\/problem\+json/,
    );
  });

  it("fails a server error on a valid request even when it is well-formed", async () => {
    const reporter = await run(
      widgetsServer({
        create: (_q, _b, r) =>
          json(r, 500, { ...PROBLEM_400, status: 500 }, "application/problem+json"),
      }),
    );
    expect(failures(reporter)[0]).toMatch(/createWidget\) → status 500 is not documented/);
  });

  it("accepts a documented 404 from an implementation but not from a mock", async () => {
    const notFound: Handler = (_q, _b, r) =>
      json(r, 404, { ...PROBLEM_400, status: 404, code: "not_found" }, "application/problem+json");
    const real = await run(widgetsServer({ get: notFound }), "real");
    expect(failures(real)).toEqual([]);
    await close?.();
    close = undefined;
    const mock = await run(widgetsServer({ get: notFound }), "mock");
    expect(failures(mock)).toEqual([
      "GET /v1/widgets/{widget_id} (getWidget) → a valid request got 404 application/problem+json matches the schema",
    ]);
  });

  it("counts a Prism refusal of an invalid request only in proxy mode, and never for a valid one", async () => {
    const prism422: Handler = (_q, _b, r) =>
      json(
        r,
        422,
        {
          type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
          title: "Invalid request",
          status: 422,
          validation: [
            { location: ["body"], message: "Request body must have required property 'name'" },
          ],
        },
        "application/problem+json",
      );
    const proxy = await run(widgetsServer({ badCreate: prism422 }), "proxy");
    expect(failures(proxy)).toEqual([]);
    expect(
      proxy.results.filter((r) => r.detail.startsWith("422 rejected by the proxy")),
    ).toHaveLength(3);
    await closeServer();
    const real = await run(widgetsServer({ badCreate: prism422 }), "real");
    expect(failures(real)).toHaveLength(3);
    expect(failures(real)[0]).toMatch(/\[missing body field name\] → status 422 is not documented/);
    await closeServer();
    const validRefused = await run(widgetsServer({ create: prism422 }), "proxy");
    expect(failures(validRefused)).toEqual([
      "POST /v1/widgets (createWidget) → the proxy refused a valid request before it reached the server: 422 UNPROCESSABLE_ENTITY: body Request body must have required property 'name'",
    ]);
  });

  it("reports an unreachable service as a failure of every operation", async () => {
    const reporter = quietReporter();
    const port = await freePort();
    await runContract({
      documents: [widgetsDocument()],
      targets: { widgets: { baseUrl: `http://127.0.0.1:${port}`, mode: "real" } },
      credentials: {},
      reporter,
    });
    expect(failures(reporter).length).toBeGreaterThanOrEqual(2);
    expect(failures(reporter)[0]).toContain(
      `no response from http://127.0.0.1:${port}: ECONNREFUSED`,
    );
  });
});
