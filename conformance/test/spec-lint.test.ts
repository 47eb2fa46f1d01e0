// The house-rule linters (scripts/lint-spec-contract.mjs and scripts/lint-asyncapi.mjs) run as
// `npm run spec:lint` does, on fixture documents with known violations.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../src/spec/documents.js";
import { operationOf, widgetsDocument } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function run(script: string, files: Record<string, string>, ...args: string[]) {
  dir = mkdtempSync(join(tmpdir(), "aitbc-lint-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "scripts", script), "--dir", dir, ...args],
    {
      encoding: "utf8",
    },
  );
  return { code: result.status, out: result.stdout + result.stderr };
}

function widgets(mutate?: (doc: OpenApiDocument) => void): string {
  return JSON.stringify(widgetsDocument(mutate).doc);
}

describe("lint-spec-contract", () => {
  it("accepts a document that follows the house rules and lists the missing required paths as warnings", () => {
    const { code, out } = run("lint-spec-contract.mjs", { "coordinator.openapi.json": widgets() });
    expect(out).toContain("1 OpenAPI documents, 2 operations");
    expect(out).toContain(
      "warn   missing coordinator POST /v1/services/register  (a provider registers its service)",
    );
    expect(out).toContain(
      "warn   missing job-stream WS /v1/jobs/{job_id}/stream  (a customer watches a job live)",
    );
    expect(out).not.toContain("error");
    expect(code).toBe(0);
  });

  it("fails on missing required paths with --strict", () => {
    const { code, out } = run(
      "lint-spec-contract.mjs",
      { "coordinator.openapi.json": widgets() },
      "--strict",
    );
    expect(out).toContain(
      "error  missing coordinator POST /v1/jobs/create  (a customer submits a job)",
    );
    expect(code).toBe(1);
  });

  it("names the file, path and operation of every broken rule", () => {
    const doc = widgets((d) => {
      const post = operationOf(d, "/v1/widgets", "post");
      post.operationId = "Create_widget";
      delete post.summary;
      delete post.responses["201"]!.content!["application/json"]!.example;
      post.responses["409"] = {
        description: "Taken.",
        content: { "application/json": { schema: { type: "object" }, example: {} } },
      };
      const schemas = (d.components as { schemas: Record<string, Record<string, unknown>> })
        .schemas;
      const newWidget = schemas.NewWidget as {
        additionalProperties?: boolean;
        properties: Record<string, unknown>;
      };
      delete newWidget.additionalProperties;
      newWidget.properties.tags = {
        type: "array",
        items: { type: "object", properties: { k: { type: "string" } } },
      };
      delete operationOf(d, "/v1/widgets/{widget_id}", "get").responses["400"];
    });
    const { code, out } = run("lint-spec-contract.mjs", { "wallet.openapi.json": doc });
    const at = "spec/openapi/wallet.yaml  POST /v1/widgets (Create_widget): ";
    expect(out).toContain(`${at}operationId "Create_widget" is not camelCase verb+noun`);
    expect(out).toContain(`${at}has no summary`);
    expect(out).toContain(`${at}response 201 application/json: no example`);
    expect(out).toContain(`${at}response 409: must use application/problem+json`);
    expect(out).toContain(
      `${at}requestBody application/json schema (NewWidget): input object must set additionalProperties: false`,
    );
    expect(out).toContain(
      `${at}requestBody application/json schema (NewWidget).tags[]: input object must set additionalProperties: false`,
    );
    expect(out).toContain(
      "spec/openapi/wallet.yaml  GET /v1/widgets/{widget_id} (getWidget): validates path widget_id but documents no 400 response for bad input",
    );
    expect(code).toBe(1);
  });
});

const GOOD_ASYNCAPI = `asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
channels:
  jobFeed:
    address: /v1/jobs/{job_id}/feed
    parameters:
      job_id: { description: The job. }
    messages:
      jobUpdated:
        name: jobUpdated
        payload:
          type: object
          required: [seq]
          properties: { seq: { type: integer, minimum: 1 } }
          additionalProperties: false
        examples:
          - name: first
            payload: { seq: 1 }
operations:
  receiveJobUpdates:
    action: receive
    summary: Job updates.
    channel: { $ref: "#/channels/jobFeed" }
    messages:
      - $ref: "#/channels/jobFeed/messages/jobUpdated"
`;

describe("lint-asyncapi", () => {
  it("accepts a valid document that follows the naming and example rules", () => {
    const { code, out } = run("lint-asyncapi.mjs", { "feed.yaml": GOOD_ASYNCAPI });
    expect(out).toContain("1 document(s), 0 problem(s)");
    expect(code).toBe(0);
  });

  it("reports a message without examples", () => {
    const bad = GOOD_ASYNCAPI.replace(
      "        examples:\n          - name: first\n            payload: { seq: 1 }\n",
      "",
    );
    const { code, out } = run("lint-asyncapi.mjs", { "feed.yaml": bad });
    expect(out).toContain("message jobUpdated: no examples");
    expect(code).toBe(1);
  });

  it("reports examples that break their payload and bad names", () => {
    const bad = GOOD_ASYNCAPI.replace("payload: { seq: 1 }", "payload: { seq: 0 }")
      .replace("jobFeed:\n", "Job_Feed:\n")
      .replaceAll("#/channels/jobFeed", "#/channels/Job_Feed")
      .replace("receiveJobUpdates:\n    action: receive", "sendJobUpdates:\n    action: receive");
    const { code, out } = run("lint-asyncapi.mjs", { "feed.yaml": bad });
    expect(out).toContain(
      "message jobUpdated: example first does not match the payload schema: /seq must be >= 1",
    );
    expect(out).toContain("channel Job_Feed: id must be camelCase");
    expect(out).toContain('operation sendJobUpdates: id says "send" but action is receive');
    expect(code).toBe(1);
  });

  it("fails a document the AsyncAPI parser rejects", () => {
    const { code, out } = run("lint-asyncapi.mjs", {
      "broken.yaml": "asyncapi: 3.0.0\nchannels: {}\n",
    });
    expect(out).toContain("FAIL");
    expect(out).toMatch(/invalid: .*info/);
    expect(code).toBe(1);
  });
});
