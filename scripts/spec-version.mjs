#!/usr/bin/env node
// The contract's version is the version of @aitbc/spec: every OpenAPI and AsyncAPI document's
// `info.version` equals spec/package.json's, so a client can tell which contract a server speaks
// and a release bumps them together (`changeset version` bumps the package; --write follows).
//
//   node scripts/spec-version.mjs --check   fails when a document's info.version differs
//   node scripts/spec-version.mjs --write   sets every document's info.version to the package's
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const write = process.argv.includes("--write");
const version = JSON.parse(readFileSync(join(root, "spec/package.json"), "utf8")).version;
// `info:` at the top level, then its `version:` two spaces in.
const INFO_VERSION = /^(info:\n(?:[ ]{2}.*\n)*?[ ]{2}version:[ ]*)(\S+)$/m;

const documents = ["spec/openapi", "spec/asyncapi"].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(root, dir, f)),
);
const wrong = [];
for (const file of documents) {
  const text = readFileSync(file, "utf8");
  const match = INFO_VERSION.exec(text);
  const name = relative(root, file);
  if (!match) {
    wrong.push(`${name}: no info.version`);
    continue;
  }
  if (match[2] === version) continue;
  if (write) writeFileSync(file, text.replace(INFO_VERSION, `$1${version}`));
  else wrong.push(`${name}: info.version ${match[2]}, but @aitbc/spec is ${version}`);
}
if (wrong.length) {
  console.error(
    `The contract documents must carry @aitbc/spec's version (${version}):\n  ${wrong.join("\n  ")}\n` +
      "Run `node scripts/spec-version.mjs --write && npm run gen`.",
  );
  process.exit(1);
}
console.log(
  `spec-version: ${documents.length} documents at ${version}${write ? " (written)" : ""}`,
);
