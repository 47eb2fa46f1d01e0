// The docs an outside developer reads first (the README, docs/, the SDK README) and the CLI's
// help text speak to someone who knows nothing of the project's history: no words only its
// authors know, no links to files that are not in the repository, a glossary of the marketplace's
// words, and a README whose first screen is the quick start rather than benchmark tables.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "@aitbc/cli";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const USER_DOCS = [
  "README.md",
  "HACKING.md",
  "sdk/README.md",
  "cli/README.md",
  "conformance/README.md",
  "examples/README.md",
  "e2e/README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Words that mean something only to the project's authors, and what a reader sees instead. */
const INSIDER_WORDS: Array<[RegExp, string]> = [
  [/\bthe seed\b|\bseed['’]s\b|\bseed (scenario|phases?|ports?|order|commands?)\b/i, "the seed"],
  [/\b[A-Z]\w*TestTester\b/, "a test harness's account name"],
  [/\bissues? #?\d+\b/i, "an issue number"],
];

/** The upper-case Markdown documents a reader can open (README.md, HACKING.md, …). */
const KNOWN_DOCUMENTS = new Set(
  [ROOT, ...USER_DOCS.map((f) => join(ROOT, dirname(f)))].flatMap((dir) =>
    readdirSync(dir).filter((f) => /^[A-Z][A-Z0-9_-]*\.md$/.test(f)),
  ),
);

function insiderHits(name: string, text: string): string[] {
  const hits: string[] = [];
  const docDir = USER_DOCS.includes(name) ? join(ROOT, dirname(name)) : ROOT;
  text.split("\n").forEach((line, i) => {
    const hit = (what: string) =>
      hits.push(`${name}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
    for (const [pattern, what] of INSIDER_WORDS) if (pattern.test(line)) hit(what);
    for (const [doc] of line.matchAll(/\b[A-Z][A-Z0-9_-]*\.md\b/g))
      if (!KNOWN_DOCUMENTS.has(doc)) hit(`a document that is not in the repository (${doc})`);
    for (const [, target] of line.matchAll(/\]\((\.\.\/[^)#\s]*)/g))
      if (relative(ROOT, join(docDir, target!)).startsWith(".."))
        hit(`a link outside the repository (${target})`);
  });
  return hits;
}

/** `aitbc --help` and every command's `--help`, run in-process (the same text the binary prints). */
async function cliHelpTexts(): Promise<Array<[string, string]>> {
  const help = async (argv: string[]): Promise<string> => {
    let text = "";
    const io = { stdout: (t: string) => (text += t), stderr: (t: string) => (text += t) };
    await runCli(argv, {
      ...io,
      interactive: false,
      stdoutIsTerminal: false,
      env: {},
      cwd: tmpdir(),
    });
    return text;
  };
  const top = await help(["--help"]);
  const commands = [
    ...new Set(
      top
        .slice(top.indexOf("Commands:"), top.indexOf("Global options:"))
        .split("\n")
        .slice(1)
        .map((l) => l.trim().split(/\s+/)[0])
        .filter((c): c is string => !!c),
    ),
  ];
  expect(commands).toContain("submit");
  const texts: Array<[string, string]> = [["aitbc --help", top]];
  for (const command of commands)
    texts.push([`aitbc ${command} --help`, await help([command, "--help"])]);
  return texts;
}

describe("user docs, for someone new to the project", () => {
  it("never use words only the project's authors know", async () => {
    const hits = USER_DOCS.flatMap((f) => insiderHits(f, readFileSync(join(ROOT, f), "utf8")));
    for (const [name, text] of await cliHelpTexts()) hits.push(...insiderHits(name, text));
    expect(hits).toEqual([]);
  });

  it("link only to files that are in the repository", () => {
    const broken: string[] = [];
    for (const file of USER_DOCS) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = join(ROOT, dirname(file), target!.split("#")[0]!);
        if (!existsSync(path)) broken.push(`${file}: ${target} (${relative(ROOT, path)})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("have a glossary of the marketplace's words, linked from the README", () => {
    const glossary = readFileSync(join(ROOT, "docs/glossary.md"), "utf8");
    const terms = ["provider", "service", "miner", "job", "lease", "escrow", "receipt", "tenant"];
    const defined = [...glossary.matchAll(/^\*\*([A-Z][a-z]+)\.\*\*/gm)].map((m) =>
      m[1]!.toLowerCase(),
    );
    expect(defined).toEqual(expect.arrayContaining(terms));
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("(docs/glossary.md)");
  });

  it("open the README with the quick start, not with benchmark tables", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const firstScreen = readme.split("\n").slice(0, 50).join("\n");
    expect(firstScreen).toContain("npm ci && npm start");
    expect(firstScreen).toContain("npm ci && npm test");
    expect(firstScreen).toContain("(docs/getting-started.md)");
    expect(readme).not.toMatch(/^\| *`?node bench\//m);
    expect(readFileSync(join(ROOT, "docs/performance.md"), "utf8")).toMatch(
      /^\| *`node bench\/chain-throughput\.mjs`/m,
    );
  });
});
