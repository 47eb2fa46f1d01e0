#!/usr/bin/env node
// aitbc-conformance: checks an AITBC implementation (or a Prism mock) against the contract.
import { writeFileSync } from "node:fs";
import { parseArgs, UsageError, type RunOptions } from "./config/cli-options.js";
import { toJsonReport, toJunitXml } from "./report/report-formats.js";
import { Reporter } from "./report/reporter.js";
import { runConformance } from "./run-conformance.js";

async function main(): Promise<number> {
  let options: RunOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      const help = process.argv.includes("--help") || process.argv.includes("-h");
      (help ? console.log : console.error)(err.message);
      return help ? 0 : 2;
    }
    throw err;
  }
  const text = options.reporter === "text";
  // A json or junit document on stdout must stay parseable, so the live lines go to stderr.
  const reporter = new Reporter((line) => (text ? console.log(line) : console.error(line)));
  const startedAt = new Date();
  await runConformance(options, { reporter });
  if (!text) {
    const facts = {
      level: options.level,
      targets: Object.fromEntries(
        Object.entries(options.urls).filter((e): e is [string, string] => Boolean(e[1])),
      ),
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
    };
    const format = options.reporter === "json" ? toJsonReport : toJunitXml;
    const document = format(reporter.results, reporter.summary(), facts) + "\n";
    if (options.outputFile) {
      writeFileSync(options.outputFile, document);
      console.error(`wrote the ${options.reporter} report to ${options.outputFile}`);
    } else process.stdout.write(document);
  }
  return reporter.failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
