#!/usr/bin/env node
// aitbc-conformance: checks an AITBC implementation (or a Prism mock) against the contract.
import { parseArgs, UsageError } from "./config/cli-options.js";
import { runConformance } from "./run-conformance.js";

async function main(): Promise<number> {
  let options;
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
  const reporter = await runConformance(options);
  return reporter.failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
