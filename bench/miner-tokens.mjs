#!/usr/bin/env node
// bench/miner-tokens: tokens per second through the whole miner path against raw node-llama-cpp
// generation of the same model, measured in the same run on the same machine.
//
//   raw   node-llama-cpp (prebuilt CPU binary, 1 thread) generating N tokens of aitbc-tiny:latest
//   path  a customer creates an inference job on a real coordinator (in this process, SQLite, an
//         in-memory ledger instead of the chain); the real `aitbc-miner` CLI (a child process, as
//         deployed) claims it, generates N tokens, streams them as progress events, signs and
//         completes; the clock stops when the customer's WebSocket delivers the result event
//         after every token.
//
// Reported: median tokens/s of each and the ratio path/raw (target ≥ 0.80), with the machine's load
// average (other processes on these cores skew single runs). Exits 1 below target.
// Usage: node bench/miner-tokens.mjs [--tokens 2000] [--runs 3] [--target 0.8]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getLlama, LlamaCompletion } from "node-llama-cpp";
import { createAitbcClient, streamJobEvents, toMicro } from "@aitbc/sdk";
import { createLogger } from "@aitbc/server-lib";
import { loadCoordinatorConfig, startCoordinator } from "@aitbc/coordinator";
import { ensureTinyModel, TINY_MODEL_NAME } from "@aitbc/miner";
import { BenchLedger } from "./miner-tokens-ledger.mjs";

const { values } = parseArgs({
  options: {
    tokens: { type: "string", default: "2000" },
    runs: { type: "string", default: "3" },
    target: { type: "string", default: "0.8" },
  },
});
const TOKENS = Number(values.tokens);
const RUNS = Number(values.runs);
const TARGET = Number(values.target);
const PROMPT = "Hello AITBC";
const minerMain = fileURLToPath(new URL("../miner/dist/main.js", import.meta.url));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Raw generation: node-llama-cpp alone, the way the executor configures it. */
async function startRaw(modelPath) {
  const llama = await getLlama({ gpu: false, build: "never" });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 256, threads: 1 });
  return {
    async run() {
      const sequence = context.getSequence();
      const completion = new LlamaCompletion({ contextSequence: sequence });
      let tokens = 0;
      const t0 = performance.now();
      await completion.generateCompletion(PROMPT, {
        maxTokens: TOKENS,
        temperature: 0,
        onToken: (t) => (tokens += t.length),
      });
      const ms = performance.now() - t0;
      sequence.dispose();
      return (tokens / ms) * 1000;
    },
    async close() {
      await context.dispose();
      await model.dispose();
    },
  };
}

/** The whole path: coordinator here, the aitbc-miner CLI as a child process, a customer on the WebSocket. */
async function startPath() {
  const dir = await mkdtemp(join(tmpdir(), "aitbc-bench-"));
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const ledger = new BenchLedger();
  const coordinator = await startCoordinator(
    {
      ...loadCoordinatorConfig({
        AITBC_ADMIN_API_KEY: adminApiKey,
        AITBC_DEV: "1",
        AITBC_DATABASE_URL: join(dir, "coordinator.sqlite"),
      }),
      port: 0,
      rateLimit: false,
    },
    { settlement: ledger, logger: createLogger("coordinator", "silent") },
  );
  let miner;
  try {
    const as = (apiKey) => createAitbcClient({ coordinatorUrl: coordinator.url, apiKey });
    const admin = as(adminApiKey);
    const provider = await admin.coordinator.createAccount({
      body: { id: "bench-provider", name: "bench", role: "provider" },
    });
    const customer = await admin.coordinator.createAccount({
      body: { id: "bench-customer", name: "bench", role: "customer" },
    });
    ledger.fund(customer.api_key, toMicro(1_000_000));
    await as(provider.api_key).coordinator.registerService({
      body: {
        service_id: "bench-service",
        name: "bench",
        type: "gpu_compute",
        specs: { gpu_type: "CPU", memory: "0GB" },
        pricing: { rate_per_hour: 1, currency: "AITBC" },
      },
    });

    miner = spawn(
      process.execPath,
      [
        minerMain,
        "--coordinator",
        coordinator.url,
        "--executor",
        "llamacpp",
        "--threads",
        "1",
        "--name",
        "bench",
      ],
      {
        env: {
          ...process.env,
          AITBC_API_KEY: provider.api_key,
          AITBC_MINER_DATA_DIR: join(dir, "miner"),
          AITBC_LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    const customerClient = as(customer.api_key);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const service = await customerClient.coordinator.getService({
        path: { service_id: "bench-service" },
      });
      if (service.models.includes(TINY_MODEL_NAME)) break;
      if (Date.now() > deadline || miner.exitCode !== null)
        throw new Error("the miner did not come online");
      await new Promise((r) => setTimeout(r, 100));
    }

    const run = async () => {
      const t0 = performance.now();
      const job = await customerClient.coordinator.createJob({
        body: {
          service_id: "bench-service",
          requirements: {
            task_type: "inference",
            model: TINY_MODEL_NAME,
            prompt: PROMPT,
            max_tokens: TOKENS,
            temperature: 0,
          },
          budget: { max_cost: 100, currency: "AITBC" },
        },
      });
      let streamed = "";
      let result;
      for await (const event of streamJobEvents(job.job_id, {
        coordinatorUrl: coordinator.url,
        apiKey: customer.api_key,
      })) {
        if (event.type === "progress" && event.data.kind === "token") streamed += event.data.text;
        if (event.type === "result") result = event.data;
      }
      const ms = performance.now() - t0;
      if (result?.status !== "completed" || streamed !== result.output.text) {
        throw new Error(
          `job ${job.job_id} did not complete with its whole stream: ${result?.status}`,
        );
      }
      const { result: metered } = await customerClient.coordinator.getJobResults({
        path: { job_id: job.job_id },
      });
      return {
        rate: (metered.metering.tokens_out / ms) * 1000,
        execRate: (metered.metering.tokens_out / metered.metering.duration_ms) * 1000,
      };
    };
    return { run, close: () => stop(miner, coordinator, dir) };
  } catch (err) {
    await stop(miner, coordinator, dir);
    throw err;
  }
}

async function stop(miner, coordinator, dir) {
  if (miner && miner.exitCode === null) {
    const exited = new Promise((r) => miner.once("exit", r));
    miner.kill("SIGTERM");
    await exited;
  }
  await coordinator.close();
  await rm(dir, { recursive: true, force: true });
}

const model = await ensureTinyModel();
const rawRunner = await startRaw(model.path);
const pathRunner = await startPath();
// Interleaved, so both sides see the same machine load (other processes share these cores).
// The first round warms up both and is not counted.
const raw = [];
const path = { rates: [], execRates: [] };
try {
  for (let i = 0; i <= RUNS; i++) {
    const r = await rawRunner.run();
    const p = await pathRunner.run();
    if (i === 0) continue;
    raw.push(r);
    path.rates.push(p.rate);
    path.execRates.push(p.execRate);
  }
} finally {
  await rawRunner.close();
  await pathRunner.close();
}
const rawMedian = median(raw);
const pathMedian = median(path.rates);
// Each round measures raw and path back to back; the median of the per-round ratios is less
// sensitive to load from other processes than the ratio of the two medians.
const ratio = median(raw.map((r, i) => path.rates[i] / r));
const report = {
  bench: "miner-tokens",
  tokens_per_job: TOKENS,
  runs: RUNS,
  raw_tokens_per_s: Math.round(rawMedian),
  path_tokens_per_s: Math.round(pathMedian),
  miner_execution_tokens_per_s: Math.round(median(path.execRates)),
  ratio: Number(ratio.toFixed(3)),
  ratio_of_medians: Number((pathMedian / rawMedian).toFixed(3)),
  load_average: loadavg().map((l) => Number(l.toFixed(2))),
  target: TARGET,
  pass: ratio >= TARGET,
};
console.log(
  `raw node-llama-cpp   ${report.raw_tokens_per_s} tokens/s  (runs: ${raw.map(Math.round).join(", ")})`,
);
console.log(
  `whole miner path     ${report.path_tokens_per_s} tokens/s  (runs: ${path.rates.map(Math.round).join(", ")})`,
);
console.log(
  `  of which execution ${report.miner_execution_tokens_per_s} tokens/s inside the miner`,
);
console.log(
  `ratio ${report.ratio} (median of per-round ratios; ratio of medians ${report.ratio_of_medians}); ` +
    `target ≥ ${TARGET}: ${report.pass ? "PASS" : "FAIL"} (load average ${report.load_average.join(" ")})`,
);
console.log(JSON.stringify(report));
process.exit(report.pass ? 0 : 1);
