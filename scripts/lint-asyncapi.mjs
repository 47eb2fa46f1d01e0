#!/usr/bin/env node
// Validates every AsyncAPI document in spec/asyncapi with @asyncapi/parser (errors fail) and
// checks the house rules the parser does not: every message has a payload schema and at least one
// example whose payload matches that schema; channel ids are camelCase and their addresses are
// paths whose {parameters} are all declared; operation ids are camelCase verb+noun and do not
// contradict their action.
//
//   node scripts/lint-asyncapi.mjs [--dir spec/asyncapi]
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, fromFile } from "@asyncapi/parser";
import { Ajv } from "ajv";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const VERB_NOUN = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;
const ADDRESS = /^\/[A-Za-z0-9_.\-/{}]*$/;
const ERROR = 0;

function exampleProblems(ajv, message, label) {
  const problems = [];
  const examples = message.examples().all();
  if (examples.length === 0) problems.push(`${label}: no examples`);
  let validate;
  try {
    validate = message.hasPayload() ? ajv.compile(message.payload().json()) : undefined;
  } catch (err) {
    problems.push(`${label}: payload schema does not compile: ${err.message}`);
  }
  examples.forEach((example, i) => {
    const name = example.name() ?? `#${i + 1}`;
    if (!example.hasPayload()) {
      problems.push(`${label}: example ${name} has no payload`);
      return;
    }
    if (validate && !validate(example.payload())) {
      const why = validate.errors
        .map((e) => `${e.instancePath || "/"} ${e.message}`)
        .slice(0, 3)
        .join("; ");
      problems.push(`${label}: example ${name} does not match the payload schema: ${why}`);
    }
  });
  return problems;
}

function documentProblems(document) {
  const problems = [];
  // Payload schemas are AsyncAPI Schema objects (a JSON Schema draft-07 superset).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  for (const message of document.allMessages().all()) {
    const label = `message ${message.id()}`;
    if (!message.hasPayload()) problems.push(`${label}: no payload schema`);
    problems.push(...exampleProblems(ajv, message, label));
  }
  for (const channel of document.allChannels().all()) {
    const label = `channel ${channel.id()}`;
    if (!CAMEL.test(channel.id())) problems.push(`${label}: id must be camelCase`);
    const address = channel.address();
    if (!address || !ADDRESS.test(address)) {
      problems.push(
        `${label}: address "${address}" must be a path such as /v1/jobs/{job_id}/stream`,
      );
      continue;
    }
    const used = [...address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const declared = channel
      .parameters()
      .all()
      .map((p) => p.id());
    for (const name of used)
      if (!declared.includes(name)) problems.push(`${label}: parameter {${name}} is not declared`);
    for (const name of declared)
      if (!used.includes(name)) problems.push(`${label}: parameter ${name} is not in the address`);
  }
  for (const operation of document.allOperations().all()) {
    const id = operation.id();
    const label = `operation ${id}`;
    if (!VERB_NOUN.test(id)) problems.push(`${label}: id must be camelCase verb+noun`);
    const action = operation.action();
    const opposite = action === "send" ? "receive" : "send";
    if (id.startsWith(opposite))
      problems.push(`${label}: id says "${opposite}" but action is ${action}`);
    if (!operation.summary() && !operation.description())
      problems.push(`${label}: needs a summary or description`);
    if (operation.messages().length === 0) problems.push(`${label}: lists no messages`);
  }
  return problems;
}

export async function lintAsyncapi(dir) {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
        .sort()
    : [];
  const parser = new Parser();
  const results = [];
  for (const file of files) {
    const path = join(dir, file);
    const { document, diagnostics } = await fromFile(parser, path).parse();
    const errors = diagnostics
      .filter((d) => d.severity === ERROR)
      .map((d) => `${d.message} at ${d.path.join(".") || "(root)"}`);
    const problems = document && errors.length === 0 ? documentProblems(document) : [];
    results.push({ file: path, errors, problems });
  }
  return results;
}

async function main() {
  const args = process.argv.slice(2);
  const dirIdx = args.indexOf("--dir");
  const dir = resolve(dirIdx >= 0 ? args[dirIdx + 1] : join(root, "spec/asyncapi"));
  const results = await lintAsyncapi(dir);
  let failures = 0;
  for (const { file, errors, problems } of results) {
    const shown = relative(process.cwd(), file);
    const all = [...errors.map((e) => `invalid: ${e}`), ...problems];
    failures += all.length;
    console.log(`${all.length ? "FAIL" : "ok  "}  ${shown}`);
    for (const p of all) console.log(`        ${p}`);
  }
  console.log(
    `asyncapi lint: ${results.length} document(s), ${failures} problem(s)` +
      (results.length === 0 ? ` (no documents in ${relative(process.cwd(), dir) || "."})` : ""),
  );
  process.exitCode = failures ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
