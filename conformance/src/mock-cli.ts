#!/usr/bin/env node
// `npm run mock`: Prism mocks of the four services for client developers, on the seed's ports
// (18000, 19000, 20000, 23000) with `--seed-ports`, otherwise on free ports. They answer with the
// documented examples and validate requests against the spec. Ctrl-C stops them.
//
//   node conformance/dist/mock-cli.js [--seed-ports] [--verbose]
import { startMocks } from "./mock/start-mocks.js";
import { stopOnSignals } from "./mock/stop-on-signals.js";

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((a) => a !== "--seed-ports" && a !== "--verbose");
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (use --seed-ports, --verbose)`);
  const verbose = args.has("--verbose");
  const mocks = await startMocks({
    seedPorts: args.has("--seed-ports"),
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
