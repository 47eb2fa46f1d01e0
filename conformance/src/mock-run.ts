#!/usr/bin/env node
// `npm run conformance:mock`: Prism mocks of every bundled OpenAPI document on free ports, the
// contract level against them, then the mocks are stopped (also on failure or Ctrl-C). The
// WebSocket channels are listed as SKIPs: Prism has no WebSockets.
//
//   node conformance/dist/mock-run.js [--spec-dir DIR]   (DIR: *.openapi.json, default @aitbc/spec)
import { runContract } from "./contract/run-contract.js";
import { startMocks } from "./mock/start-mocks.js";
import { stopOnSignals } from "./mock/stop-on-signals.js";
import { Reporter } from "./report/reporter.js";
import { loadAsyncApiDocuments } from "./spec/asyncapi-documents.js";
import { loadOpenApiDocuments } from "./spec/documents.js";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const specDir = args[0] === "--spec-dir" ? args[1] : undefined;
  if (args.length && (!specDir || args.length !== 2))
    throw new Error("usage: mock-run [--spec-dir DIR]");
  const reporter = new Reporter();
  const documents = loadOpenApiDocuments(specDir);
  reporter.info(`Starting Prism mocks of ${documents.map((d) => d.name).join(", ")}…`);
  const mocks = await startMocks({ bundledDir: specDir });
  const release = stopOnSignals(mocks.stop);
  try {
    for (const m of mocks.mocks) reporter.info(`  ${m.name.padEnd(11)} ${m.url} (pid ${m.pid})`);
    await runContract({
      documents,
      targets: Object.fromEntries(
        Object.entries(mocks.urls).map(([name, baseUrl]) => [name, { baseUrl, mode: "mock" }]),
      ),
      credentials: {},
      reporter,
      asyncDocuments: loadAsyncApiDocuments(specDir),
    });
  } finally {
    await mocks.stop();
    release();
  }
  reporter.printSummary();
  return reporter.failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
