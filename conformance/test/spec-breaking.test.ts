// scripts/spec-breaking.mjs run as `npm run spec:breaking` does, on a small document and each kind
// of change to it: every breaking kind is reported and fails, additions pass.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../../scripts/spec-breaking.mjs", import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test edits the fixture where it likes
type Json = any;
type Doc = {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Json> };
};

/** A widgets service: list (with a filter), create (a body) and read one. */
function widgets(): Doc {
  const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
  return {
    paths: {
      "/widgets": {
        get: {
          operationId: "listWidgets",
          parameters: [
            { $ref: "#/components/parameters/Limit" },
            { name: "color", in: "query", schema: { $ref: "#/components/schemas/Color" } },
          ],
          responses: {
            "200": json({
              type: "object",
              required: ["items"],
              properties: {
                items: { type: "array", items: { $ref: "#/components/schemas/Widget" } },
              },
            }),
            "400": json({ type: "object" }),
          },
        },
        post: {
          operationId: "createWidget",
          requestBody: {
            required: true,
            ...json({
              type: "object",
              additionalProperties: false,
              required: ["name"],
              properties: {
                name: { type: "string" },
                color: { $ref: "#/components/schemas/Color" },
                size: { type: "integer" },
              },
            }),
          },
          responses: { "201": json({ $ref: "#/components/schemas/Widget" }) },
        },
      },
      "/widgets/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "getWidget",
          responses: { "200": json({ $ref: "#/components/schemas/Widget" }) },
        },
        delete: { operationId: "deleteWidget", responses: { "204": { description: "gone" } } },
      },
    },
    components: {
      parameters: {
        Limit: { name: "limit", in: "query", schema: { type: "integer" } },
      },
      schemas: {
        Color: { type: "string", enum: ["red", "green"] },
        Widget: {
          allOf: [
            {
              type: "object",
              required: ["id", "status"],
              properties: {
                id: { type: "string" },
                status: { $ref: "#/components/schemas/Status" },
              },
            },
            {
              type: "object",
              required: ["name"],
              properties: { name: { type: "string" }, note: { type: "string" } },
            },
          ],
        },
        Status: { type: "string", enum: ["new", "done"] },
      },
    },
  };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function write(into: string, docs: Record<string, Doc>) {
  mkdirSync(into, { recursive: true });
  for (const [name, doc] of Object.entries(docs))
    writeFileSync(join(into, `${name}.openapi.json`), JSON.stringify(doc));
}

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", cwd });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** The script on the widgets document before and after `change`. */
function compare(change: (doc: Doc) => void, extra: Record<string, Doc> = {}) {
  dir = mkdtempSync(join(tmpdir(), "aitbc-breaking-"));
  const after = widgets();
  change(after);
  write(join(dir, "base"), { widgets: widgets(), ...extra });
  write(join(dir, "head"), { widgets: after });
  return run(["--base-dir", join(dir, "base"), "--dir", join(dir, "head")]);
}

const widget = (doc: Doc) => doc.components.schemas.Widget.allOf;

describe("spec:breaking", () => {
  it("passes an unchanged document and additions: a path, an operation, optional inputs, response properties, request enum values", () => {
    expect(compare(() => undefined)).toEqual({
      code: 0,
      out: expect.stringContaining("no breaking changes; 1 OpenAPI documents compared with"),
    });
    const { code, out } = compare((doc) => {
      doc.paths["/gadgets"] = { get: { operationId: "listGadgets", responses: {} } };
      doc.paths["/widgets/{id}"]!.put = { operationId: "replaceWidget", responses: {} };
      doc.paths["/widgets"]!.get.parameters.push({ name: "q", in: "query", schema: {} });
      doc.paths["/widgets"]!.post.requestBody.content["application/json"].schema.properties.tag = {
        type: "string",
      };
      doc.components.schemas.Color.enum.push("blue");
      widget(doc)[1].properties.weight = { type: "number" };
      widget(doc)[1].required.push("weight");
      widget(doc)[1].properties.note.description = "a longer text";
    });
    expect(out).not.toContain("BREAKING");
    expect(code).toBe(0);
  });

  const cases: Array<[string, (doc: Doc) => void, string]> = [
    [
      "path-removed",
      (doc) => delete doc.paths["/widgets/{id}"],
      "BREAKING widgets /widgets/{id}: the path is gone (path-removed)",
    ],
    [
      "operation-removed",
      (doc) => delete doc.paths["/widgets/{id}"]!.delete,
      "BREAKING widgets DELETE /widgets/{id}: the operation is gone (operation-removed)",
    ],
    [
      "parameter-removed",
      (doc) => doc.paths["/widgets"]!.get.parameters.pop(),
      "BREAKING widgets GET /widgets: query parameter color is gone (parameter-removed)",
    ],
    [
      "parameter-required",
      (doc) => (doc.components.parameters.Limit.required = true),
      "BREAKING widgets GET /widgets: query parameter limit is now required (parameter-required)",
    ],
    [
      "request-body-required",
      (doc) => {
        doc.paths["/widgets/{id}"]!.get.requestBody = {
          required: true,
          content: { "application/json": { schema: { type: "object" } } },
        };
      },
      "BREAKING widgets GET /widgets/{id}: the request body is now required (request-body-required)",
    ],
    [
      "request-property-required",
      (doc) =>
        doc.paths["/widgets"]!.post.requestBody.content["application/json"].schema.required.push(
          "size",
        ),
      "BREAKING widgets POST /widgets: request body.size is now required (request-property-required)",
    ],
    [
      "request-property-removed",
      (doc) =>
        delete doc.paths["/widgets"]!.post.requestBody.content["application/json"].schema.properties
          .size,
      "BREAKING widgets POST /widgets: request body.size is gone (request-property-removed)",
    ],
    [
      "request-enum-narrowed",
      (doc) => (doc.components.schemas.Color.enum = ["red"]),
      'BREAKING widgets POST /widgets: request body.color no longer accepts "green" (request-enum-narrowed)',
    ],
    [
      "request-type-narrowed",
      (doc) => (doc.components.parameters.Limit.schema.type = "string"),
      "BREAKING widgets GET /widgets: query parameter limit no longer accepts integer (request-type-narrowed)",
    ],
    [
      "response-status-removed",
      (doc) => {
        const post = doc.paths["/widgets"]!.post;
        post.responses = { "200": post.responses["201"] };
      },
      "BREAKING widgets POST /widgets: the 201 response is gone (response-status-removed)",
    ],
    [
      "response-property-removed",
      (doc) => {
        delete widget(doc)[1].properties.name;
        widget(doc)[1].required = [];
      },
      "BREAKING widgets GET /widgets/{id}: response 200.name (required) is gone (response-property-removed)",
    ],
    [
      "response-property-optional",
      (doc) => (widget(doc)[0].required = ["id"]),
      "BREAKING widgets GET /widgets: response 200.items[].status is no longer required (response-property-optional)",
    ],
    [
      "response-enum-widened",
      (doc) => doc.components.schemas.Status.enum.push("archived"),
      'BREAKING widgets GET /widgets/{id}: response 200.status may now be "archived" (response-enum-widened)',
    ],
    [
      "response-type-widened",
      (doc) => (widget(doc)[0].properties.id.type = ["string", "null"]),
      "BREAKING widgets GET /widgets/{id}: response 200.id may now be null (response-type-widened)",
    ],
  ];

  it.each(cases)("fails on %s and says where", (check, change, line) => {
    const { code, out } = compare(change);
    expect(out).toContain(line);
    expect(out).toContain(`(${check})`);
    expect(code).toBe(1);
  });

  it("fails when a whole document is gone", () => {
    const { code, out } = compare(() => undefined, { gadgets: widgets() });
    expect(out).toContain("BREAKING gadgets: gadgets.openapi.json is gone (document-removed)");
    expect(code).toBe(1);
  });

  it("ends on a schema that contains itself", () => {
    const tree = (doc: Doc) =>
      (widget(doc)[1].properties.children = {
        type: "array",
        items: { $ref: "#/components/schemas/Widget" },
      });
    dir = mkdtempSync(join(tmpdir(), "aitbc-breaking-"));
    const before = widgets();
    const after = widgets();
    tree(before);
    tree(after);
    after.components.schemas.Status.enum.push("archived");
    write(join(dir, "base"), { widgets: before });
    write(join(dir, "head"), { widgets: after });
    const { code, out } = run(["--base-dir", join(dir, "base"), "--dir", join(dir, "head")]);
    expect(out).toContain(
      'response 200.children[].children[].status may now be "archived" (response-enum-widened)',
    );
    expect(code).toBe(1);
  });

  it("does not compare error responses", () => {
    const { code } = compare((doc) => delete doc.paths["/widgets"]!.get.responses["400"]);
    expect(code).toBe(0);
  });

  it("lists what it checks in --help, and refuses an unknown option", () => {
    const help = run(["--help"]);
    expect(help.code).toBe(0);
    for (const check of [...cases.map((c) => c[0]), "document-removed"])
      expect(help.out).toContain(check);
    expect(run(["--bogus"])).toEqual({
      code: 2,
      out: expect.stringContaining("unknown option --bogus"),
    });
  });

  it("compares with a git revision: --base REF, and HEAD~1 by default outside main", () => {
    dir = mkdtempSync(join(tmpdir(), "aitbc-breaking-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
        cwd: dir,
        encoding: "utf8",
      });
    const bundled = join(dir, "spec/bundled");
    git("init", "-q", "-b", "work");
    write(bundled, { widgets: widgets() });
    git("add", ".");
    git("commit", "-qm", "widgets");
    const changed = widgets();
    delete changed.paths["/widgets/{id}"]!.delete;
    write(bundled, { widgets: changed });
    git("commit", "-qam", "no more deletes");
    const gone = "BREAKING widgets DELETE /widgets/{id}: the operation is gone";

    const byDefault = run(["--dir", bundled], dir);
    expect(byDefault.out).toContain(gone);
    expect(byDefault.out).toContain("compared with HEAD~1");
    expect(byDefault.code).toBe(1);
    const sinceHead = run(["--dir", bundled, "--base", "HEAD"], dir);
    expect(sinceHead).toEqual({
      code: 0,
      out: expect.stringContaining("no breaking changes; 1 OpenAPI documents compared with HEAD"),
    });
  });

  it("compares with the last release of the contract with --since-release, and lets a major changeset announce a break", () => {
    const repo = mkdtempSync(join(tmpdir(), "aitbc-breaking-release-"));
    dir = repo;
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
        cwd: repo,
        encoding: "utf8",
      });
    const bundled = join(repo, "spec/bundled");
    const version = (v: string) =>
      writeFileSync(
        join(repo, "spec/package.json"),
        JSON.stringify({ name: "@aitbc/spec", version: v }),
      );
    git("init", "-q", "-b", "main");
    write(bundled, { widgets: widgets() });
    version("0.1.0");
    git("add", ".");
    git("commit", "-qm", "0.1.0");
    const changed = widgets();
    delete changed.paths["/widgets/{id}"]!.delete;
    write(bundled, { widgets: changed });
    git("commit", "-qam", "no more deletes");
    git("commit", "-q", "--allow-empty", "-m", "later work");

    // Two commits later, the deletion is still measured against 0.1.0, not against the last commit.
    const unreleased = run(["--dir", bundled, "--since-release"], repo);
    expect(unreleased.code).toBe(1);
    expect(unreleased.out).toContain("BREAKING widgets DELETE /widgets/{id}");
    expect(unreleased.out).toContain("release 0.1.0");
    expect(unreleased.out).toContain('"@aitbc/spec": major');

    mkdirSync(join(repo, ".changeset"));
    writeFileSync(
      join(repo, ".changeset/no-deletes.md"),
      '---\n"@aitbc/spec": major\n---\n\nNo deletes.\n',
    );
    expect(run(["--dir", bundled, "--since-release"], repo).code).toBe(0);

    // Released (tagged) as 1.0.0: from then on the base is that tag, and the changeset is spent.
    rmSync(join(repo, ".changeset"), { recursive: true });
    version("1.0.0");
    git("commit", "-qam", "1.0.0");
    git("tag", "@aitbc/spec@1.0.0");
    expect(run(["--dir", bundled, "--since-release"], repo)).toEqual({
      code: 0,
      out: expect.stringContaining("compared with the release @aitbc/spec@1.0.0"),
    });
  });
});
