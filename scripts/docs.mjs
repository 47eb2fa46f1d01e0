#!/usr/bin/env node
// `npm run docs`: the API reference in docs/api/, generated from spec/.
//   - one Redoc page per OpenAPI document (`redocly build-docs` on spec/bundled/<name>.openapi.json),
//     prerendered so it reads without JavaScript; Redoc's script (from its CDN) adds search and
//     collapsing when online;
//   - one AsyncAPI page per AsyncAPI document (@asyncapi/generator + @asyncapi/html-template) in
//     docs/api/asyncapi/, sharing one copy of the template's CSS and JavaScript;
//   - docs/api/index.html linking them all.
// Run `npm run gen` first when the specs changed, so that the bundled documents are current.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// --check builds into a temp dir and fails when it differs from the committed docs/api/.
const check = process.argv.includes("--check");
const committedDir = join(root, "docs/api");
const outDir = check ? join(mkdtempSync(join(tmpdir(), "aitbc-docs-")), "api") : committedDir;
const asyncOutDir = join(outDir, "asyncapi");
const bundledDir = join(root, "spec/bundled");
const asyncapiDir = join(root, "spec/asyncapi");

const quietEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_COLOR: "1",
  PUPPETEER_SKIP_DOWNLOAD: "1",
};

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c],
  );
const firstSentence = (text) =>
  (String(text ?? "").split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();

function buildOpenApi() {
  const pages = [];
  const files = readdirSync(bundledDir)
    .filter((f) => f.endsWith(".openapi.json"))
    .sort();
  for (const file of files) {
    const name = file.replace(/\.openapi\.json$/, "");
    const doc = JSON.parse(readFileSync(join(bundledDir, file), "utf8"));
    const out = join(outDir, `${name}.html`);
    execFileSync(
      join(root, "node_modules/.bin/redocly"),
      ["build-docs", join(bundledDir, file), "-o", out, "--title", doc.info.title],
      { cwd: root, env: quietEnv, stdio: ["ignore", "ignore", "pipe"] },
    );
    const operations = Object.values(doc.paths ?? {}).reduce(
      (n, item) =>
        n + Object.keys(item).filter((k) => /^(get|put|post|delete|patch)$/.test(k)).length,
      0,
    );
    pages.push({
      href: `${name}.html`,
      title: doc.info.title,
      version: doc.info.version,
      kind: "OpenAPI",
      count: `${operations} operations`,
      about: firstSentence(doc.info.description),
    });
  }
  return pages;
}

async function buildAsyncApi() {
  const pages = [];
  const files = existsSync(asyncapiDir)
    ? readdirSync(asyncapiDir)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
    : [];
  if (files.length === 0) return pages;
  const { default: Generator } = await import("@asyncapi/generator");
  const { Parser, fromFile } = await import("@asyncapi/parser");
  const parser = new Parser();
  mkdirSync(asyncOutDir, { recursive: true });
  for (const file of files) {
    const name = file.replace(/\.yaml$/, "");
    const generator = new Generator("@asyncapi/html-template", asyncOutDir, {
      forceWrite: true,
      templateParams: { outFilename: `${name}.html`, singleFile: "false" },
    });
    await generator.generateFromFile(join(asyncapiDir, file));
    // The template puts the document into js/app.js; give each page its own copy.
    renameSync(join(asyncOutDir, "js/app.js"), join(asyncOutDir, `js/${name}.app.js`));
    const page = join(asyncOutDir, `${name}.html`);
    const html = readFileSync(page, "utf8");
    if (!html.includes('src="js/app.js"'))
      throw new Error(`${page}: the template no longer loads js/app.js`);
    writeFileSync(page, html.replace('src="js/app.js"', `src="js/${name}.app.js"`));
    const { document } = await fromFile(parser, join(asyncapiDir, file)).parse();
    const info = document?.info();
    pages.push({
      href: `asyncapi/${name}.html`,
      title: info?.title() ?? name,
      version: info?.version() ?? "",
      kind: "AsyncAPI",
      count: `${document?.allChannels().length ?? 0} channels, ${document?.allMessages().length ?? 0} messages`,
      about: firstSentence(info?.description()),
    });
  }
  return pages;
}

function writeIndex(pages) {
  const rows = pages
    .map(
      (
        p,
      ) => `      <li><a href="${escapeHtml(p.href)}">${escapeHtml(p.title)}</a> <span class="meta">${p.kind} · v${escapeHtml(p.version)} · ${escapeHtml(p.count)}</span>
        <p>${escapeHtml(p.about)}</p></li>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AITBC API reference</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; }
      h1 { font-size: 1.6rem; } ul { list-style: none; padding: 0; } li { margin: 0 0 1.2rem; }
      a { font-weight: 600; } .meta { color: #5b6475; font-size: 0.9rem; } p { margin: 0.2rem 0 0; }
    </style>
  </head>
  <body>
    <h1>AITBC API reference</h1>
    <p>Generated from <code>spec/</code> by <code>npm run docs</code>. The contract: OpenAPI 3.1 for the HTTP services, AsyncAPI 3.0 for the WebSocket streams. Errors are RFC 9457 problem+json with a stable <code>code</code>.</p>
    <ul>
${rows}
    </ul>
  </body>
</html>
`;
  writeFileSync(join(outDir, "index.html"), html);
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    total += statSync(p).isDirectory() ? sizeOf(p) : statSync(p).size;
  }
  return total;
}

// Start clean so pages of removed documents do not linger.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const pages = [...buildOpenApi(), ...(await buildAsyncApi())];
writeIndex(pages);
if (check) {
  const drift = compareTrees(outDir, committedDir);
  rmSync(dirname(outDir), { recursive: true, force: true });
  if (drift.length) {
    console.error(
      "docs:check: docs/api/ is out of date with spec/. Run `npm run docs` and commit:",
    );
    for (const line of drift) console.error("  " + line);
    process.exit(1);
  }
  console.log(`docs:check: the ${pages.length} pages in docs/api/ match spec/.`);
} else {
  console.log(
    `docs: ${pages.length} pages in ${relative(root, outDir)}/ (${(sizeOf(outDir) / 1024).toFixed(0)} KiB); open ${relative(root, join(outDir, "index.html"))}`,
  );
}

function filesUnder(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    return statSync(p).isDirectory() ? filesUnder(p, base) : [relative(base, p)];
  });
}

function compareTrees(built, committed) {
  const want = new Set(filesUnder(built));
  const have = new Set(filesUnder(committed));
  const drift = [];
  for (const f of want) {
    if (!have.has(f)) drift.push(`missing: docs/api/${f}`);
    else if (!readFileSync(join(built, f)).equals(readFileSync(join(committed, f))))
      drift.push(`differs: docs/api/${f}`);
  }
  for (const f of have) if (!want.has(f)) drift.push(`stale: docs/api/${f}`);
  return drift;
}
