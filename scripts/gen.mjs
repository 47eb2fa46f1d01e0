#!/usr/bin/env node
// Regenerates everything derived from spec/: bundled specs (spec/bundled/*.json), the SDK's
// hey-api clients (sdk/src/gen/<service>/), each server's typed route table
// (servers/<service>/src/http/routes.gen.ts) and AsyncAPI message types (sdk/src/gen/events/).
// `--check` generates into a temp dir and fails if anything differs from what is committed.
// `--only <name>` limits the run to one OpenAPI or AsyncAPI document (for quick iteration), or to
// `problem-codes` (the SDK's ProblemCode union from spec/common/problem-codes.md).
import { execFileSync } from "node:child_process";
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { problemCodesModule } from "./gen-problem-codes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const onlyIdx = args.indexOf("--only");
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;

const GEN_HEADER =
  "// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.\n";

const outRoot = check ? mkdtempSync(join(tmpdir(), "aitbc-gen-")) : root;
const bundledDir = join(outRoot, "spec/bundled");
const sdkGenDir = join(outRoot, "sdk/src/gen");

const openapiNames = readdirSync(join(root, "spec/openapi"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .filter((n) => !only || n === only);
const asyncapiNames = readdirSync(join(root, "spec/asyncapi"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .filter((n) => !only || n === only);

mkdirSync(bundledDir, { recursive: true });
mkdirSync(join(sdkGenDir, "events"), { recursive: true });

const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_COLOR: "1",
};

function bundleOpenapi(name) {
  const out = join(bundledDir, `${name}.openapi.json`);
  execFileSync(
    join(root, "node_modules/.bin/redocly"),
    ["bundle", join(root, `spec/openapi/${name}.yaml`), "-o", out, "--ext", "json"],
    { cwd: root, env: quietEnv, stdio: ["ignore", "ignore", "pipe"] },
  );
  // Stable formatting regardless of the bundler's whitespace choices.
  const doc = JSON.parse(readFileSync(out, "utf8"));
  writeFileSync(out, JSON.stringify(doc, null, 2) + "\n");
  return out;
}

async function genSdk(name, bundledPath) {
  const { createClient } = await import("@hey-api/openapi-ts");
  const className = name.charAt(0).toUpperCase() + name.slice(1) + "Api";
  await createClient({
    input: bundledPath,
    output: { path: join(sdkGenDir, name), header: GEN_HEADER.trimEnd().split("\n") },
    logs: { level: "silent" },
    plugins: [
      { name: "@hey-api/client-fetch", throwOnError: true },
      "@hey-api/typescript",
      {
        name: "@hey-api/sdk",
        operations: { strategy: "single", containerName: className },
        responseStyle: "data",
      },
    ],
  });
}

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"];

const pascal = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// The server's table of its operations: operationId → method and express path, with hey-api's
// `…Data` and `…Responses` types by name. It lives in the server, not the SDK, so the SDK's
// bundle does not grow; registerRoutes (@aitbc/server-lib) derives the handler types from it.
function genRouteTable(name, bundledPath) {
  const doc = JSON.parse(readFileSync(bundledPath, "utf8"));
  const Svc = pascal(name);
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId)
        throw new Error(`spec/openapi/${name}.yaml: ${method} ${path} has no operationId`);
      ops.push({ id: op.operationId, method, path: path.replace(/\{([^}]+)\}/g, ":$1") });
    }
  }
  const lines = [
    GEN_HEADER,
    `// The operations of spec/openapi/${name}.yaml, for registerRoutes() in @aitbc/server-lib.`,
    `import type { RouteHandlers, RouteTable } from "@aitbc/server-lib";`,
    `import type { ${Svc}Types as T } from "@aitbc/sdk";`,
    "",
    `/** Each operation's request (hey-api's \`…Data\`) and responses (\`…Responses\`). */`,
    `export interface ${Svc}Operations {`,
    ...ops.map(
      (o) => `  ${o.id}: { data: T.${pascal(o.id)}Data; responses: T.${pascal(o.id)}Responses };`,
    ),
    "}",
    "",
    `export const ${name}RouteTable: RouteTable<${Svc}Operations> = {`,
    ...ops.map((o) => `  ${o.id}: { method: "${o.method}", path: "${o.path}" },`),
    "};",
    "",
    `/** Handlers of some of the operations (all of them by default), for one route module. */`,
    `export type ${Svc}Handlers<K extends keyof ${Svc}Operations = keyof ${Svc}Operations> = Pick<`,
    `  RouteHandlers<${Svc}Operations>,`,
    "  K",
    ">;",
    "",
  ];
  const dir = join(outRoot, "servers", name, "src/http");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "routes.gen.ts"), lines.join("\n"));
}

async function genEvents(name) {
  const { Parser, fromFile } = await import("@asyncapi/parser");
  const { TypeScriptGenerator } = await import("@asyncapi/modelina");
  const parser = new Parser();
  const { document, diagnostics } = await fromFile(
    parser,
    join(root, `spec/asyncapi/${name}.yaml`),
  ).parse();
  const errors = diagnostics.filter((d) => d.severity === 0);
  if (!document || errors.length) {
    for (const d of errors)
      console.error(`spec/asyncapi/${name}.yaml: ${d.message} at ${d.path.join(".")}`);
    throw new Error(`AsyncAPI document ${name} is invalid`);
  }
  writeFileSync(
    join(bundledDir, `${name}.asyncapi.json`),
    JSON.stringify(document.json(), null, 2) + "\n",
  );
  const generator = new TypeScriptGenerator({
    modelType: "interface",
    enumType: "union",
    rawPropertyNames: true,
  });
  const models = await generator.generate(document);
  const body = models
    .map((m) => m.result)
    .filter(Boolean)
    .map((code) => (code.startsWith("export ") ? code : `export ${code}`))
    .join("\n\n");
  writeFileSync(join(sdkGenDir, "events", `${name}.gen.ts`), GEN_HEADER + "\n" + body + "\n");
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

function compare(genDir, repoDir, owned) {
  const problems = [];
  const genFiles = new Set(listFiles(genDir).map((p) => relative(genDir, p)));
  const repoFiles = new Set(
    listFiles(repoDir)
      .map((p) => relative(repoDir, p))
      .filter(owned),
  );
  for (const f of genFiles) {
    if (!repoFiles.has(f)) problems.push(`missing: ${relative(root, join(repoDir, f))}`);
    else if (!readFileSync(join(genDir, f)).equals(readFileSync(join(repoDir, f))))
      problems.push(`differs: ${relative(root, join(repoDir, f))}`);
  }
  for (const f of repoFiles)
    if (!genFiles.has(f)) problems.push(`stale: ${relative(root, join(repoDir, f))}`);
  return problems;
}

function compareRouteTable(name, expected) {
  const rel = `servers/${name}/src/http/routes.gen.ts`;
  const gen = join(outRoot, rel);
  const repo = join(root, rel);
  if (!expected) return existsSync(repo) ? [`stale: ${rel}`] : [];
  if (!existsSync(repo)) return [`missing: ${rel}`];
  return readFileSync(gen).equals(readFileSync(repo)) ? [] : [`differs: ${rel}`];
}

try {
  for (const name of openapiNames) {
    const bundled = bundleOpenapi(name);
    await genSdk(name, bundled);
    if (existsSync(join(root, "servers", name, "package.json"))) genRouteTable(name, bundled);
  }
  for (const name of asyncapiNames) await genEvents(name);
  if (!only || only === "problem-codes") {
    const markdown = readFileSync(join(root, "spec/common/problem-codes.md"), "utf8");
    writeFileSync(
      join(sdkGenDir, "problem-codes.gen.ts"),
      GEN_HEADER + "\n" + problemCodesModule(markdown),
    );
  }

  if (check) {
    const belongs = (f) =>
      !only ||
      f.startsWith(`${only}.`) ||
      f.startsWith(`${only}/`) ||
      f === `events/${only}.gen.ts` ||
      (only === "problem-codes" && f === "problem-codes.gen.ts");
    const problems = [
      ...compare(bundledDir, join(root, "spec/bundled"), belongs),
      ...compare(sdkGenDir, join(root, "sdk/src/gen"), belongs),
      ...openapiNames.flatMap((name) =>
        compareRouteTable(name, existsSync(join(root, "servers", name, "package.json"))),
      ),
    ];
    rmSync(outRoot, { recursive: true, force: true });
    if (problems.length) {
      console.error(
        "gen:check: generated files are out of date with spec/. Run `npm run gen` and commit:",
      );
      for (const p of problems) console.error("  " + p);
      process.exit(1);
    }
    console.log(
      `gen:check: ${openapiNames.length} OpenAPI and ${asyncapiNames.length} AsyncAPI documents match the generated files.`,
    );
  } else {
    console.log(
      `gen: bundled ${openapiNames.length} OpenAPI and ${asyncapiNames.length} AsyncAPI documents; SDK regenerated in sdk/src/gen, route tables in servers/*/src/http.`,
    );
  }
} catch (err) {
  if (check) rmSync(outRoot, { recursive: true, force: true });
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
