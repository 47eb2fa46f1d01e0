#!/usr/bin/env node
// Breaking changes for clients between each bundled OpenAPI document (spec/bundled/*.openapi.json)
// and the same file at a git base. A client written against the base must keep working: nothing
// it calls may disappear, nothing it sends may start being refused, nothing it reads may go missing
// or take a value it was told could not occur. Not part of `npm test`: a deliberate breaking change
// (with a new major version) would block it; run it before merging a spec change.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SUFFIX = ".openapi.json";

export const CHECKS = [
  ["document-removed", "a whole document (service) is gone"],
  ["path-removed", "a path is gone"],
  ["operation-removed", "a method of a path is gone"],
  ["parameter-removed", "a parameter is gone (the servers refuse parameters they do not know)"],
  ["parameter-required", "a new required parameter, or an optional one made required"],
  ["request-body-required", "a request body that was optional or absent is now required"],
  [
    "request-property-required",
    "a new required request property, or an optional one made required",
  ],
  ["request-property-removed", "a request property is gone from an object that allows no others"],
  ["request-enum-narrowed", "a value a client could send is no longer allowed"],
  ["request-type-narrowed", "a type a client could send is no longer allowed"],
  ["response-status-removed", "a success status an operation answered with is gone"],
  ["response-property-removed", "a response property that was required is gone"],
  ["response-property-optional", "a response property that was required may now be missing"],
  ["response-enum-widened", "a response value may now be one clients were told could not occur"],
  ["response-type-widened", "a response value may now have a type clients were told it never has"],
];

const HELP = `Usage: npm run spec:breaking -- [--base REF | --since-release] [--base-dir DIR] [--dir DIR]

Compares each OpenAPI document in DIR (default spec/bundled) with the same file at the git
revision REF (default: the merge-base of HEAD with the main branch, or HEAD~1 when HEAD is on
main or there is no main) and fails when a client written against REF would break.
--base-dir DIR compares with the documents in DIR instead of a git revision.
--since-release compares with the last release of @aitbc/spec (its tag @aitbc/spec@VERSION, or
before the first release the commit that set spec/package.json's current version) and passes a
breaking change when a pending changeset (.changeset/*.md) bumps @aitbc/spec major; \`npm test\`
runs it this way.

It reports, and fails on:
${CHECKS.map(([id, what]) => `  ${id.padEnd(27)} ${what}`).join("\n")}

Additions (paths, operations, optional parameters and properties, response properties, request
enum values) and relaxations pass. Error responses (4xx/5xx) are not compared.`;

function parseArgs(argv) {
  const opts = { dir: join(root, "spec/bundled") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--help" || a === "-h") opts.help = true;
    else if (a === "--base") opts.base = value();
    else if (a === "--since-release") opts.sinceRelease = true;
    else if (a === "--base-dir") opts.baseDir = resolve(value());
    else if (a === "--dir") opts.dir = resolve(value());
    else throw new Error(`unknown option ${a} (see --help)`);
  }
  return opts;
}

function git(cwd, ...args) {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function defaultBase(cwd) {
  const head = git(cwd, "rev-parse", "HEAD").trim();
  try {
    const mergeBase = git(cwd, "merge-base", "HEAD", "main").trim();
    if (mergeBase !== head) return mergeBase;
  } catch {
    // no main branch: the previous commit is the base
  }
  return "HEAD~1";
}

/** The commit of the last release of @aitbc/spec: its tag, or the commit that set its version. */
function releaseBase(cwd) {
  const top = git(cwd, "rev-parse", "--show-toplevel").trim();
  const version = JSON.parse(readFileSync(join(top, "spec/package.json"), "utf8")).version;
  const tag = `@aitbc/spec@${version}`;
  try {
    return { ref: git(top, "rev-parse", "--verify", "-q", `refs/tags/${tag}`).trim(), what: tag };
  } catch {
    const introduced = git(
      top,
      "log",
      "--format=%H",
      "--reverse",
      `-G"version"[[:space:]]*:[[:space:]]*"${version.replace(/\./g, "\\.")}"`,
      "--",
      "spec/package.json",
    )
      .split("\n")
      .find(Boolean);
    if (!introduced) {
      // A shallow clone (some CI checkouts) has no history to find the release in.
      if (git(top, "rev-parse", "--is-shallow-repository").trim() === "true") return undefined;
      throw new Error(`no commit sets spec/package.json's version ${version}`);
    }
    return { ref: introduced, what: `${version} (unreleased; set in ${introduced.slice(0, 10)})` };
  }
}

/** Whether a pending changeset announces a major version of the contract. */
function majorChangesetPending(cwd) {
  const top = git(cwd, "rev-parse", "--show-toplevel").trim();
  const dir = join(top, ".changeset");
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .some((f) => /^["']?@aitbc\/spec["']?:\s*major\s*$/m.test(readFileSync(join(dir, f), "utf8")));
}

/** The documents of DIR at a git revision: name → parsed document. */
function documentsAtRevision(dir, ref) {
  const top = git(dir, "rev-parse", "--show-toplevel").trim();
  const prefix = git(dir, "rev-parse", "--show-prefix").trim();
  const listed = git(top, "ls-tree", "--name-only", ref, "--", prefix).split("\n");
  const docs = new Map();
  for (const file of listed.filter((f) => f.endsWith(SUFFIX))) {
    const name = file.slice(prefix.length, -SUFFIX.length);
    docs.set(name, JSON.parse(git(top, "show", `${ref}:${file}`)));
  }
  return docs;
}

function documentsInDir(dir) {
  const docs = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .sort())
    docs.set(file.slice(0, -SUFFIX.length), JSON.parse(readFileSync(join(dir, file), "utf8")));
  return docs;
}

/** Follows local `$ref`s (`#/components/...`); the bundled documents have no others. */
function deref(doc, node) {
  let n = node;
  for (let hops = 0; n && typeof n === "object" && typeof n.$ref === "string"; hops++) {
    if (hops > 32 || !n.$ref.startsWith("#/")) return {};
    n = n.$ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => (acc == null ? undefined : acc[key]), doc);
  }
  return n ?? {};
}

/** A schema with its allOf parts merged: properties and required lists combined. */
function flatten(doc, schema) {
  const s = deref(doc, schema);
  if (!Array.isArray(s.allOf)) return s;
  const merged = {
    ...s,
    properties: { ...(s.properties ?? {}) },
    required: [...(s.required ?? [])],
  };
  delete merged.allOf;
  for (const part of s.allOf) {
    const p = flatten(doc, part);
    for (const [k, v] of Object.entries(p)) {
      if (k === "properties") Object.assign(merged.properties, v);
      else if (k === "required") merged.required.push(...v);
      else if (!(k in merged)) merged[k] = v;
    }
  }
  return merged;
}

function typesOf(schema) {
  if (schema.type === undefined) return undefined;
  const types = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.nullable === true) types.add("null");
  return types;
}

const show = (v) => JSON.stringify(v);

/**
 * Compares two schemas as the client sees them. `direction` is "request" (what the client
 * sends: the new schema must accept all the old one did) or "response" (what it reads: the new
 * one must promise all the old one did).
 */
function compareSchemas(ctx, oldSchema, newSchema, direction, where, depth = 0) {
  // A schema that contains itself would recurse forever; no real client reads that deep.
  if (depth > 24) return;
  const a = flatten(ctx.oldDoc, oldSchema);
  const b = flatten(ctx.newDoc, newSchema);

  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta && tb) {
    if (direction === "request") {
      const lost = [...ta].filter((t) => !tb.has(t) && !(t === "integer" && tb.has("number")));
      if (lost.length)
        ctx.report("request-type-narrowed", `${where} no longer accepts ${lost.join(", ")}`);
    } else {
      const gained = [...tb].filter((t) => !ta.has(t) && !(t === "integer" && ta.has("number")));
      if (gained.length)
        ctx.report("response-type-widened", `${where} may now be ${gained.join(", ")}`);
    }
  }

  if (direction === "request" && Array.isArray(b.enum)) {
    if (!Array.isArray(a.enum))
      ctx.report(
        "request-enum-narrowed",
        `${where} now accepts only ${b.enum.map(show).join(", ")}`,
      );
    else {
      const lost = a.enum.filter((v) => !b.enum.some((w) => show(w) === show(v)));
      if (lost.length)
        ctx.report(
          "request-enum-narrowed",
          `${where} no longer accepts ${lost.map(show).join(", ")}`,
        );
    }
  }
  if (direction === "response" && Array.isArray(a.enum)) {
    if (!Array.isArray(b.enum))
      ctx.report(
        "response-enum-widened",
        `${where} may now be other than ${a.enum.map(show).join(", ")}`,
      );
    else {
      const gained = b.enum.filter((v) => !a.enum.some((w) => show(w) === show(v)));
      if (gained.length)
        ctx.report("response-enum-widened", `${where} may now be ${gained.map(show).join(", ")}`);
    }
  }

  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const ra = new Set(a.required ?? []);
  const rb = new Set(b.required ?? []);
  if (direction === "request") {
    for (const name of rb)
      if (!ra.has(name))
        ctx.report(
          "request-property-required",
          `${where}.${name} is ${name in pa ? "now required" : "a new required property"}`,
        );
    if (b.additionalProperties === false)
      for (const name of Object.keys(pa))
        if (!(name in pb)) ctx.report("request-property-removed", `${where}.${name} is gone`);
  } else {
    for (const name of ra) {
      if (!(name in pb) && !rb.has(name))
        ctx.report("response-property-removed", `${where}.${name} (required) is gone`);
      else if (!rb.has(name))
        ctx.report("response-property-optional", `${where}.${name} is no longer required`);
    }
  }
  for (const name of Object.keys(pa))
    if (name in pb)
      compareSchemas(ctx, pa[name], pb[name], direction, `${where}.${name}`, depth + 1);

  if (a.items && b.items) compareSchemas(ctx, a.items, b.items, direction, `${where}[]`, depth + 1);
  if (
    a.additionalProperties &&
    typeof a.additionalProperties === "object" &&
    b.additionalProperties &&
    typeof b.additionalProperties === "object"
  )
    compareSchemas(
      ctx,
      a.additionalProperties,
      b.additionalProperties,
      direction,
      `${where}{}`,
      depth + 1,
    );
  // Alternatives are compared branch by branch when their number did not change.
  for (const keyword of ["oneOf", "anyOf"]) {
    const xa = a[keyword];
    const xb = b[keyword];
    if (Array.isArray(xa) && Array.isArray(xb) && xa.length === xb.length)
      xa.forEach((s, i) =>
        compareSchemas(ctx, s, xb[i], direction, `${where}<${keyword} ${i}>`, depth + 1),
      );
  }
}

function parametersOf(doc, pathItem, op) {
  const params = new Map();
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const r = deref(doc, p);
    params.set(`${r.in} ${r.name}`, r);
  }
  return params;
}

function jsonSchemaOf(doc, holder) {
  const h = deref(doc, holder);
  const content = h?.content ?? {};
  const type = Object.keys(content).find((t) => t === "application/json" || t.endsWith("+json"));
  return type ? content[type].schema : undefined;
}

function compareOperation(ctx, name, path, method, oldDoc, newDoc) {
  const oldItem = deref(oldDoc, oldDoc.paths[path]);
  const newItem = deref(newDoc, newDoc.paths[path]);
  const a = oldItem[method];
  const b = newItem[method];
  const at = `${name} ${method.toUpperCase()} ${path}`;
  const report = (check, detail) => ctx.findings.push({ check, at, detail });
  const sub = { ...ctx, oldDoc, newDoc, report };

  const pa = parametersOf(oldDoc, oldItem, a);
  const pb = parametersOf(newDoc, newItem, b);
  for (const [k, p] of pb)
    if (p.required && !pa.get(k)?.required)
      report(
        "parameter-required",
        `${p.in} parameter ${p.name} is ${pa.has(k) ? "now required" : "new and required"}`,
      );
  for (const [k, p] of pa) {
    if (!pb.has(k)) report("parameter-removed", `${p.in} parameter ${p.name} is gone`);
    else if (p.schema && pb.get(k).schema)
      compareSchemas(sub, p.schema, pb.get(k).schema, "request", `${p.in} parameter ${p.name}`);
  }

  const ba = a.requestBody ? deref(oldDoc, a.requestBody) : undefined;
  const bb = b.requestBody ? deref(newDoc, b.requestBody) : undefined;
  if (bb?.required && !ba?.required)
    report("request-body-required", "the request body is now required");
  const sa = ba && jsonSchemaOf(oldDoc, ba);
  const sb = bb && jsonSchemaOf(newDoc, bb);
  if (sa && sb) compareSchemas(sub, sa, sb, "request", "request body");

  for (const [status, response] of Object.entries(a.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    const other = b.responses?.[status];
    if (!other) {
      report("response-status-removed", `the ${status} response is gone`);
      continue;
    }
    const ra = jsonSchemaOf(oldDoc, response);
    const rb = jsonSchemaOf(newDoc, other);
    if (ra && rb) compareSchemas(sub, ra, rb, "response", `response ${status}`);
  }
}

/** Every breaking change between two sets of documents (name → document). */
export function findBreakingChanges(oldDocs, newDocs) {
  const ctx = { findings: [] };
  for (const [name, oldDoc] of oldDocs) {
    const newDoc = newDocs.get(name);
    if (!newDoc) {
      ctx.findings.push({
        check: "document-removed",
        at: name,
        detail: `${name}${SUFFIX} is gone`,
      });
      continue;
    }
    for (const path of Object.keys(oldDoc.paths ?? {})) {
      if (!newDoc.paths?.[path]) {
        ctx.findings.push({
          check: "path-removed",
          at: `${name} ${path}`,
          detail: "the path is gone",
        });
        continue;
      }
      const oldItem = deref(oldDoc, oldDoc.paths[path]);
      const newItem = deref(newDoc, newDoc.paths[path]);
      for (const method of METHODS.filter((m) => oldItem[m])) {
        if (!newItem[method])
          ctx.findings.push({
            check: "operation-removed",
            at: `${name} ${method.toUpperCase()} ${path}`,
            detail: "the operation is gone",
          });
        else compareOperation(ctx, name, path, method, oldDoc, newDoc);
      }
    }
  }
  return ctx.findings;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(HELP);
    return 0;
  }
  if (!existsSync(opts.dir)) throw new Error(`no such directory: ${opts.dir}`);
  const newDocs = documentsInDir(opts.dir);
  let against;
  let oldDocs;
  if (opts.baseDir) {
    against = opts.baseDir;
    oldDocs = documentsInDir(opts.baseDir);
  } else if (opts.sinceRelease) {
    const release = releaseBase(opts.dir);
    if (!release) {
      console.log("spec:breaking skipped: a shallow clone has no release to compare with");
      return 0;
    }
    against = `the release ${release.what}`;
    oldDocs = documentsAtRevision(opts.dir, release.ref);
  } else {
    const ref = opts.base ?? defaultBase(opts.dir);
    against = ref;
    oldDocs = documentsAtRevision(opts.dir, ref);
  }
  const findings = findBreakingChanges(oldDocs, newDocs);
  for (const f of findings) console.log(`BREAKING ${f.at}: ${f.detail} (${f.check})`);
  const summary = `${oldDocs.size} OpenAPI documents compared with ${against}`;
  if (findings.length) {
    if (opts.sinceRelease && majorChangesetPending(opts.dir)) {
      console.log(
        `${findings.length} breaking changes, announced by a major changeset; ${summary}`,
      );
      return 0;
    }
    console.log(`${findings.length} breaking changes; ${summary}`);
    if (opts.sinceRelease)
      console.log(
        "Keep the old behaviour, or announce the break: a changeset with '\"@aitbc/spec\": major' (npx changeset).",
      );
    return 1;
  }
  console.log(`no breaking changes; ${summary}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`spec:breaking: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  }
}
