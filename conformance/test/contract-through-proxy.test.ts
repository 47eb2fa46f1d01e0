// The contract level through `prism proxy --errors` in front of a small real server: the runner
// recognises the proxy, sends the real key through it, counts Prism's own refusal of an invalid
// request as such (and only in proxy mode), and fails an answer of the server that Prism found to
// break the spec.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContract } from "../src/contract/run-contract.js";
import { detectTarget } from "../src/mock/detect-target.js";
import { freePort } from "../src/mock/free-port.js";
import { startPrism, type PrismProcess } from "../src/mock/prism-process.js";
import {
  FIXTURE_FILE,
  failures,
  json,
  PROBLEM_400,
  quietReporter,
  startServer,
  widgetsDocument,
  type Handler,
} from "./helpers.js";

const KEY = "the-real-key";
const WIDGET = { id: "w-1", name: "gear", size: 3 };

/** Knows one key only, as an implementation does; `get` answers GET /v1/widgets/{id}. */
function server(get: Handler): Handler {
  return (req, body, res) => {
    if (req.headers["x-api-key"] !== KEY)
      return json(
        res,
        401,
        { ...PROBLEM_400, status: 401, code: "unauthorized" },
        "application/problem+json",
      );
    if (req.method === "POST") return json(res, 201, { id: "w-2", ...JSON.parse(body) });
    get(req, body, res);
  };
}

const upstreams: Array<{ close(): Promise<void> }> = [];
const proxies: PrismProcess[] = [];
let good: PrismProcess;
let broken: PrismProcess;

async function proxyFor(handler: Handler, name: string): Promise<PrismProcess> {
  const upstream = await startServer(handler);
  upstreams.push(upstream);
  const proxy = await startPrism({
    name,
    specFile: FIXTURE_FILE,
    port: await freePort(),
    upstream: upstream.url,
    errors: true,
  });
  proxies.push(proxy);
  return proxy;
}

beforeAll(async () => {
  [good, broken] = await Promise.all([
    proxyFor(
      server((_q, _b, r) => json(r, 200, WIDGET)),
      "good",
    ),
    // `size` is required by the Widget schema.
    proxyFor(
      server((_q, _b, r) => json(r, 200, { id: "w-1", name: "gear" })),
      "broken",
    ),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  await Promise.all(upstreams.map((u) => u.close()));
});

async function run(baseUrl: string) {
  const reporter = quietReporter();
  await runContract({
    documents: [widgetsDocument()],
    targets: { widgets: { baseUrl, mode: "proxy" } },
    credentials: { apiKey: KEY },
    reporter,
  });
  return reporter;
}

describe("contract level through a Prism proxy", () => {
  it("tells the proxy from a mock: the server behind it refuses a key nobody issued", async () => {
    expect(await detectTarget(good.url, widgetsDocument())).toEqual({
      mode: "proxy",
      how: "Prism; GET /v1/widgets/{widget_id} (getWidget) refused an unissued key (401)",
    });
  });

  it("passes valid calls through with the real key and reports the proxy's refusals as the proxy's", async () => {
    const reporter = await run(good.url);
    expect(failures(reporter)).toEqual([]);
    const lines = reporter.results.map((r) => `${r.outcome} ${r.subject} → ${r.detail}`);
    expect(lines).toContain(
      "PASS POST /v1/widgets (createWidget) → 201 application/json matches the schema",
    );
    expect(lines).toContain(
      "PASS GET /v1/widgets/{widget_id} (getWidget) → 200 application/json matches the schema",
    );
    const refused = lines.filter((l) =>
      l.includes("rejected by the proxy before reaching the server"),
    );
    expect(refused).toHaveLength(4);
    expect(refused[0]).toMatch(
      /^PASS POST \/v1\/widgets \(createWidget\) \[missing body field name\] → 422 rejected by the proxy before reaching the server \(Prism UNPROCESSABLE_ENTITY: body Request body must have required property 'name'\)$/,
    );
  });

  it("fails an answer of the server that the proxy found to break the spec", async () => {
    const reporter = await run(broken.url);
    expect(failures(reporter)).toEqual([
      expect.stringMatching(
        /^GET \/v1\/widgets\/\{widget_id\} \(getWidget\) → the proxy found that the server's answer breaks the spec: 500 VIOLATIONS: .*size/,
      ),
    ]);
  });
});
