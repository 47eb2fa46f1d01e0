#!/usr/bin/env node
// House rules for the bundled OpenAPI documents (spec/bundled/*.openapi.json) that Redocly's
// built-in rules cannot express, plus the list of paths that users and HACKING.md's contracts between
// services rely on. Rule problems always fail; missing required paths fail only with `--strict`, so the
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
 * Every path a provider, customer or operator (or another service, per HACKING.md) calls. `where`
 * says who needs it, so a missing entry says what would break.
 */
export const REQUIRED_PATHS = [
  ["coordinator", "GET", "/v1/health", "operators check health"],
  ["coordinator", "POST", "/v1/services/register", "a provider registers its service"],
  ["coordinator", "GET", "/v1/services", "a customer browses services"],
  ["coordinator", "GET", "/v1/services/{service_id}", "a customer looks at a service"],
  ["coordinator", "POST", "/v1/services/{service_id}/rate", "a customer rates a service"],
  ["coordinator", "GET", "/v1/providers/{provider_id}/reputation", "a customer checks a provider"],
  ["coordinator", "POST", "/v1/jobs/create", "a customer submits a job"],
  ["coordinator", "GET", "/v1/jobs/{job_id}/status", "a customer follows a job"],
  ["coordinator", "GET", "/v1/jobs/{job_id}/results", "a customer reads a job's result"],
  ["coordinator", "POST", "/v1/jobs/{job_id}/cancel", "a customer cancels a job"],
  ["coordinator", "GET", "/v1/receipts", "anyone checks receipts"],
  ["coordinator", "GET", "/v1/keys", "anyone verifies a countersignature"],
  ["coordinator", "POST", "/v1/admin/accounts", "an admin creates accounts"],
  ["coordinator", "GET", "/v1/admin/miners", "an operator sees the miners"],
  ["coordinator", "GET", "/v1/admin/jobs", "an operator sees the jobs"],
  ["coordinator", "GET", "/v1/admin/stats", "an operator sees the totals"],
  ["coordinator", "GET", "/v1/me", "HACKING.md: identity"],
  ["node", "GET", "/api/v1/health", "operators check health"],
  ["node", "GET", "/api/v1/block/latest", "operators check the chain head"],
  ["node", "GET", "/api/v1/block/{height}", "the explorer shows a block"],
  ["node", "POST", "/api/v1/transaction/get", "a customer confirms a settlement"],
  ["node", "POST", "/api/v1/transaction/submit", "services submit signed transactions"],
  ["node", "GET", "/api/v1/account/{address}", "HACKING.md: chain accounts"],
  ["node", "GET", "/api/v1/sync/status", "operators check a node's sync"],
  ["node", "GET", "/api/v1/blocks", "the explorer lists blocks"],
  ["node", "GET", "/api/v1/transactions", "the explorer lists transactions"],
  ["node", "POST", "/api/v1/faucet", "HACKING.md: faucet"],
  ["wallet", "GET", "/api/v1/wallet/balance", "a customer checks its balance"],
  ["wallet", "POST", "/api/v1/wallet/transfer", "an account sends AITBC"],
  ["wallet", "GET", "/api/v1/wallet/transactions", "an account lists its transactions"],
  ["wallet", "POST", "/api/v1/wallet/accounts", "HACKING.md: account addresses"],
  ["wallet", "POST", "/api/v1/wallet/escrow/lock", "HACKING.md: escrow lock"],
  ["exchange", "GET", "/api/v1/rates", "a customer sees the exchange rate"],
  ["exchange", "POST", "/api/v1/orders", "a customer buys AITBC"],
  ["exchange", "GET", "/api/v1/orders/{order_id}", "a customer follows an order"],
];

/** WebSocket channels users rely on, checked in the bundled AsyncAPI documents. */
export const REQUIRED_CHANNELS = [
  ["job-stream", "/v1/jobs/{job_id}/stream", "a customer watches a job live"],
];

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
