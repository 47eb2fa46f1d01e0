#!/usr/bin/env node
// `npm run bench`: builds what the benchmarks import, runs each one in turn (one at a time: they
// measure CPU and would disturb each other), shows their output as it comes, and ends with a
// table of which met their goal. Exits 1 when any did not.
//
//   npm run bench [-- name …]     for example: npm run bench -- chain-verify http-floor
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHES = [
  "chain-verify",
  "chain-throughput",
  "chain-state-scaling",
  "settlement-capacity",
  "wallet-transfers",
  "http-floor",
  "coordinator-lifecycle",
  "coordinator-validator-overhead",
  "miner-tokens",
  "key-revocation",
  "first-token",
];
const root = fileURLToPath(new URL("..", import.meta.url));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHES.includes(name));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(", ")}; choose from ${BENCHES.join(", ")}`);
  process.exit(2);
}
const selected = wanted.length ? wanted : BENCHES;

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

console.log("building the packages the benchmarks import…");
if ((await run("npx", ["turbo", "run", "build", "--output-logs=errors-only"])) !== 0) {
  console.error("the build failed: fix it (npm run build) before benchmarking");
  process.exit(1);
}
const results = [];
for (const name of selected) {
  console.log(`\n▶ bench/${name}.mjs`);
  const started = Date.now();
  const code = await run(process.execPath, [`bench/${name}.mjs`]);
  results.push({ name, code, seconds: Math.round((Date.now() - started) / 1000) });
}
console.log("\nbenchmark                        goal   time");
for (const r of results)
  console.log(
    `  ${r.name.padEnd(31)} ${r.code === 0 ? "met " : "MISSED"} ${String(r.seconds).padStart(4)} s`,
  );
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
