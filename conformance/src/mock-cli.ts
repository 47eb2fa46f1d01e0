#!/usr/bin/env node
// `npm run mock`: Prism mocks of the four services for client developers, on the local stack's
// default ports (18000, 19000, 20000, 23000) with `--default-ports` (as `npm run mock` passes
// it; its older name `--seed-ports` still works), otherwise on free ports. They answer with the
// documented examples and validate requests against the spec. Ctrl-C stops them.
//
//   node conformance/dist/mock-cli.js [--default-ports | --seed-ports] [--verbose]
import { startMocks } from "./mock/start-mocks.js";
import { stopOnSignals } from "./mock/stop-on-signals.js";

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const known = new Set(["--default-ports", "--seed-ports", "--verbose"]);
  const unknown = [...args].filter((a) => !known.has(a));
  if (unknown.length)
    throw new Error(`unknown option ${unknown[0]} (use --default-ports, --verbose)`);
  const verbose = args.has("--verbose");
  const mocks = await startMocks({
    defaultPorts: args.has("--default-ports") || args.has("--seed-ports"),
    onLine: verbose ? (name, line) => console.log(`[${name}] ${line}`) : undefined,
  });
  let stopping = false;
  stopOnSignals(async () => {
    stopping = true;
    console.log("\nStopping the mocks…");
    await mocks.stop();
  });
  console.log("Prism mocks of the AITBC contract (answers are the spec's examples):");
  for (const m of mocks.mocks) console.log(`  ${m.name.padEnd(11)} ${m.url}  (pid ${m.pid})`);
  console.log("Send X-API-Key with any value where the spec asks for a key. Ctrl-C stops them.");
  // A mock that dies on its own ends the session instead of leaving a half-working set.
  const name = await Promise.race(mocks.mocks.map((m) => m.exited.then(() => m.name)));
  if (stopping) return;
  console.error(`The ${name} mock stopped unexpectedly; stopping the others.`);
  await mocks.stop();
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
