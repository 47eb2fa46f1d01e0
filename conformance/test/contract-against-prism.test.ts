// The contract level against real Prism processes: the fixture spec passes, and a copy of it whose
// documented example breaks its own schema (so the mock answers with a violating body) fails.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runContract } from "../src/contract/run-contract.js";
import { detectTarget, servedByPrism } from "../src/mock/detect-target.js";
import { startMocks, type MockSet } from "../src/mock/start-mocks.js";
import type { OpenApiDocument } from "../src/spec/documents.js";
import { failures, operationOf, quietReporter, widgetsDocument } from "./helpers.js";

function breakGetExample(doc: OpenApiDocument): void {
  const get = operationOf(doc, "/v1/widgets/{widget_id}", "get");
  // `size` is required by the Widget schema; Prism serves the example as it is.
  get.responses["200"]!.content!["application/json"]!.example = { id: "w-1", name: "gear" };
}

let dir: string;
let mocks: MockSet;
const good = widgetsDocument();
const broken = widgetsDocument(breakGetExample);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aitbc-conformance-"));
  writeFileSync(join(dir, "good.json"), JSON.stringify(good.doc));
  writeFileSync(join(dir, "broken.json"), JSON.stringify(broken.doc));
  mocks = await startMocks({
    specFiles: { good: join(dir, "good.json"), broken: join(dir, "broken.json") },
  });
}, 90_000);

afterAll(async () => {
  await mocks?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("contract level against Prism mocks", () => {
  it("recognises a Prism mock and a non-mock", async () => {
    expect(await servedByPrism(mocks.urls.good!)).toBe(true);
    expect(await servedByPrism("http://127.0.0.1:9")).toBe(false);
    // A mock accepts a key nobody issued; that is what tells it from a proxy.
    expect(await detectTarget(mocks.urls.good!, good)).toEqual({
      mode: "mock",
      how: "Prism; GET /v1/widgets/{widget_id} (getWidget) accepted an unissued key",
    });
  });

  it("passes a mock of a spec whose examples match their schemas", async () => {
    const reporter = quietReporter();
    await runContract({
      documents: [{ ...good, name: "good" }],
      targets: { good: { baseUrl: mocks.urls.good!, mode: "mock" } },
      credentials: {},
      reporter,
    });
    expect(failures(reporter)).toEqual([]);
    expect(reporter.summary().pass).toBe(6);
  });

  it("fails the operation whose mock answer violates the response schema", async () => {
    const reporter = quietReporter();
    await runContract({
      documents: [{ ...broken, name: "broken" }],
      targets: { broken: { baseUrl: mocks.urls.broken!, mode: "mock" } },
      credentials: {},
      reporter,
    });
    expect(failures(reporter)).toEqual([
      "GET /v1/widgets/{widget_id} (getWidget) → 200 application/json body does not match the schema: / must have required property 'size'",
    ]);
  });

  it("stops the mock processes", async () => {
    const pids = mocks.mocks.map((m) => m.pid);
    await mocks.stop();
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
