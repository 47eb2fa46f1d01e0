#!/usr/bin/env node
// House rules for the bundled OpenAPI documents (spec/bundled/*.openapi.json) that Redocly's
// built-in rules cannot express, plus the list of paths the seed scenario, issue 2 and HACKING.md
// promise. Rule problems always fail; missing required paths fail only with `--strict`, so the
// check can run while the documents are still being written.
//
//   node scripts/lint-spec-contract.mjs [--strict] [--dir spec/bundled]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const OPERATION_ID = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;
const NO_BODY_STATUSES = new Set(["204", "205", "304"]);

/**
 * Every path a user of the seed (or another service, per HACKING.md) calls. `where` says where
 * the promise is written down, so a missing entry points at its source.
 */
export const REQUIRED_PATHS = [
  ["coordinator", "GET", "/v1/health", "seed: debug tools"],
  ["coordinator", "POST", "/v1/services/register", "seed 1.3"],
  ["coordinator", "GET", "/v1/services", "seed 2.1 / issue 2"],
  ["coordinator", "GET", "/v1/services/{service_id}", "seed 2.2"],
  ["coordinator", "POST", "/v1/services/{service_id}/rate", "seed 4.3"],
  ["coordinator", "GET", "/v1/providers/{provider_id}/reputation", "seed 2.3"],
  ["coordinator", "POST", "/v1/jobs/create", "seed 3.2"],
  ["coordinator", "GET", "/v1/jobs/{job_id}/status", "seed 3.3"],
  ["coordinator", "GET", "/v1/jobs/{job_id}/results", "seed 3.4"],
  ["coordinator", "POST", "/v1/jobs/{job_id}/cancel", "issue 2"],
  ["coordinator", "GET", "/v1/receipts", "seed 2.3 / issue 2"],
  ["coordinator", "GET", "/v1/keys", "issue 2"],
  ["coordinator", "POST", "/v1/admin/accounts", "issue 2"],
  ["coordinator", "GET", "/v1/admin/miners", "seed 1.3 / issue 2"],
  ["coordinator", "GET", "/v1/admin/jobs", "seed: debug tools"],
  ["coordinator", "GET", "/v1/admin/stats", "seed 3.1 / issue 2"],
  ["coordinator", "GET", "/v1/me", "HACKING.md: identity"],
  ["node", "GET", "/api/v1/health", "seed: debug tools"],
  ["node", "GET", "/api/v1/block/latest", "seed: debug tools"],
  ["node", "GET", "/api/v1/block/{height}", "issue 2"],
  ["node", "POST", "/api/v1/transaction/get", "seed 4.1"],
  ["node", "POST", "/api/v1/transaction/submit", "issue 2"],
  ["node", "GET", "/api/v1/account/{address}", "issue 2 / HACKING.md"],
  ["node", "GET", "/api/v1/sync/status", "seed: common issues"],
  ["node", "GET", "/api/v1/blocks", "issue 2"],
  ["node", "GET", "/api/v1/transactions", "issue 2"],
  ["node", "POST", "/api/v1/faucet", "issue 2 / HACKING.md"],
  ["wallet", "GET", "/api/v1/wallet/balance", "seed 4.2"],
  ["wallet", "POST", "/api/v1/wallet/transfer", "issue 2"],
  ["wallet", "GET", "/api/v1/wallet/transactions", "issue 2"],
  ["wallet", "POST", "/api/v1/wallet/accounts", "HACKING.md: account addresses"],
  ["wallet", "POST", "/api/v1/wallet/escrow/lock", "HACKING.md: escrow lock"],
  ["exchange", "GET", "/api/v1/rates", "seed 3.1 / issue 2"],
  ["exchange", "POST", "/api/v1/orders", "seed 3.1 / issue 2"],
  ["exchange", "GET", "/api/v1/orders/{order_id}", "issue 2"],
];

/** WebSocket channels the seed names, checked in the bundled AsyncAPI documents. */
export const REQUIRED_CHANNELS = [["job-stream", "/v1/jobs/{job_id}/stream", "seed 3.3"]];

function resolvePointer(doc, ref) {
  if (!ref.startsWith("#/")) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function deref(doc, node) {
  const seen = new Set();
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    node = resolvePointer(doc, node.$ref);
  }
  return node;
}

function hasExample(media) {
  if (media.example !== undefined) return true;
  return Boolean(media.examples && Object.keys(media.examples).length > 0);
}

function isProblemSchema(doc, schema) {
  if (!schema) return false;
  if (typeof schema.$ref === "string" && /\/Problem$/.test(schema.$ref)) return true;
  const resolved = deref(doc, schema);
  if (!resolved) return false;
  if (resolved.title === "Problem") return true;
  return (resolved.allOf ?? []).some((part) => isProblemSchema(doc, part));
}

function isObjectSchema(schema) {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("object") || (schema.type === undefined && schema.properties);
}

/** Walks an input schema and reports every object that accepts undeclared properties. */
function closedObjectProblems(doc, schema, where, seen = new Set()) {
  if (!schema || typeof schema !== "object") return [];
  if (typeof schema.$ref === "string") {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    const name = schema.$ref.split("/").pop();
    return closedObjectProblems(doc, resolvePointer(doc, schema.$ref), `${where} (${name})`, seen);
  }
  const problems = [];
  if (isObjectSchema(schema)) {
    const ap = schema.additionalProperties;
    if (ap === undefined || ap === true) {
      problems.push(`${where}: input object must set additionalProperties: false`);
    }
    if (ap && typeof ap === "object") {
      problems.push(...closedObjectProblems(doc, ap, `${where}.*`, seen));
    }
  }
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    problems.push(...closedObjectProblems(doc, prop, `${where}.${name}`, seen));
  }
  if (schema.items) problems.push(...closedObjectProblems(doc, schema.items, `${where}[]`, seen));
  for (const keyword of ["allOf", "oneOf", "anyOf"]) {
    (schema[keyword] ?? []).forEach((part, i) => {
      problems.push(...closedObjectProblems(doc, part, `${where}.${keyword}[${i}]`, seen));
    });
  }
  return problems;
}

function operationProblems(doc, method, path, pathItem, op) {
  const problems = [];
  const id = op.operationId;
  if (!id) problems.push("has no operationId");
  else if (!OPERATION_ID.test(id))
    problems.push(`operationId "${id}" is not camelCase verb+noun (for example createJob)`);
  if (!op.summary || !String(op.summary).trim()) problems.push("has no summary");
  if (!Array.isArray(op.tags) || op.tags.length === 0) problems.push("has no tags");

  const body = deref(doc, op.requestBody);
  if (body) {
    const entries = Object.entries(body.content ?? {});
    if (entries.length === 0) problems.push("requestBody has no content");
    for (const [type, media] of entries) {
      if (!media.schema) problems.push(`requestBody ${type}: no schema`);
      if (!hasExample(media)) problems.push(`requestBody ${type}: no example`);
      problems.push(...closedObjectProblems(doc, media.schema, `requestBody ${type} schema`));
    }
  }

  const responses = Object.entries(op.responses ?? {});
  if (responses.length === 0) problems.push("has no responses");
  const params = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map((p) =>
    deref(doc, p),
  );
  const validated = params.filter((p) => p && p.in !== "header").map((p) => `${p.in} ${p.name}`);
  if (body) validated.push("the request body");
  if (validated.length && !op.responses?.["400"] && !op.responses?.["4XX"])
    problems.push(`validates ${validated[0]} but documents no 400 response for bad input`);
  for (const [status, raw] of responses) {
    const response = deref(doc, raw);
    if (!response) {
      problems.push(`response ${status}: unresolvable $ref`);
      continue;
    }
    const content = Object.entries(response.content ?? {});
    const isError = /^[45]/.test(status);
    if (NO_BODY_STATUSES.has(status) || method === "head") {
      if (content.length) problems.push(`response ${status}: must not have a body`);
      continue;
    }
    if (content.length === 0) {
      problems.push(`response ${status}: has no content (a schema and an example are required)`);
      continue;
    }
    for (const [type, media] of content) {
      if (!media.schema) problems.push(`response ${status} ${type}: no schema`);
      if (!hasExample(media)) problems.push(`response ${status} ${type}: no example`);
    }
    if (isError) {
      const problem = response.content["application/problem+json"];
      if (!problem) {
        problems.push(`response ${status}: must use application/problem+json`);
      } else if (!isProblemSchema(doc, problem.schema)) {
        problems.push(
          `response ${status}: application/problem+json must use the Problem schema (extend it with allOf: [Problem, {...}])`,
        );
      }
      const others = content.map(([t]) => t).filter((t) => t !== "application/problem+json");
      if (others.length)
        problems.push(`response ${status}: unexpected content ${others.join(", ")}`);
    }
  }
  return problems.map((p) => `${method.toUpperCase()} ${path}${id ? ` (${id})` : ""}: ${p}`);
}

function templateKey(method, path) {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`;
}

export function lintDocuments(dir) {
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const problems = [];
  const present = new Map();
  let operations = 0;
  const openapi = files.filter((f) => f.endsWith(".openapi.json"));
  for (const file of openapi) {
    const name = file.replace(/\.openapi\.json$/, "");
    const source = `spec/openapi/${name}.yaml`;
    const doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const keys = new Set();
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item?.[method];
        if (!op) continue;
        operations++;
        keys.add(templateKey(method, path));
        for (const p of operationProblems(doc, method, path, item, op))
          problems.push(`${source}  ${p}`);
      }
    }
    present.set(name, keys);
  }
  const channels = new Map();
  for (const file of files.filter((f) => f.endsWith(".asyncapi.json"))) {
    const doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const addresses = Object.values(doc.channels ?? {}).map((c) => c?.address);
    channels.set(file.replace(/\.asyncapi\.json$/, ""), new Set(addresses));
  }
  const missing = [];
  for (const [service, method, path, where] of REQUIRED_PATHS) {
    if (!present.get(service)?.has(templateKey(method, path)))
      missing.push(`${service} ${method} ${path}  (${where})`);
  }
  for (const [doc, address, where] of REQUIRED_CHANNELS) {
    if (!channels.get(doc)?.has(address)) missing.push(`${doc} WS ${address}  (${where})`);
  }
  return { documents: openapi.length, operations, problems, missing };
}

function main() {
  const args = process.argv.slice(2);
  const strict = args.includes("--strict");
  const dirIdx = args.indexOf("--dir");
  const dir = resolve(dirIdx >= 0 ? args[dirIdx + 1] : join(root, "spec/bundled"));
  const result = lintDocuments(dir);
  const shown = relative(process.cwd(), dir) || ".";
  console.log(
    `spec contract lint: ${result.documents} OpenAPI documents, ${result.operations} operations in ${shown}`,
  );
  for (const p of result.problems) console.log(`  error  ${p}`);
  const total = REQUIRED_PATHS.length + REQUIRED_CHANNELS.length;
  console.log(`required paths: ${total - result.missing.length}/${total} present`);
  for (const m of result.missing) console.log(`  ${strict ? "error" : "warn "}  missing ${m}`);
  const failed = result.problems.length > 0 || (strict && result.missing.length > 0);
  if (result.problems.length) console.log(`${result.problems.length} house-rule problem(s).`);
  if (result.missing.length && !strict)
    console.log("Missing paths are warnings until the root spec:lint script passes --strict.");
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
