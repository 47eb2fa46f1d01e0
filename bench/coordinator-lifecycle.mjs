#!/usr/bin/env node
// Job lifecycle cost: create + claim + progress + complete (+ the settlement the completion
// triggers), as a ratio of raw better-sqlite3 doing the same writes, measured in the same run:
//   raw     better-sqlite3 prepared statements on a file with the coordinator's schema, WAL,
//           synchronous=NORMAL, in this process: per job the rows the coordinator must durably
//           write, in the same transactions (pending insert; queue + event; miner touch + claim +
//           event; progress + events; completion + 2 events + receipt + outbox row; the settlement
//           worker's claim and confirm), plus only the reads those writes depend on (the held
//           count and the next job for a claim, the job for a progress or completion check). No
//           HTTP, no JSON work (payloads are prebuilt strings of the real sizes), no signatures,
//           no matching or authentication reads;
//   domain  the coordinator's domain services called in the server process (knex, matching,
//           receipt checks and countersigning, settlement), no HTTP; the miner's receipt signing
//           is measured and left out: shows where the time goes;
//   http    the real server over keep-alive HTTP with contract validation of requests and
//           responses: POST create, claim, progress, complete with a miner-signed receipt;
//   shell   a diagnostic: the same HTTP load on a server whose four use cases replay their
//           first answer, so it does only the HTTP shell's work (Express, body parsing, auth,
//           request log, contract validation): the part of http that no database work explains.
// The coordinator runs in its own process and reports its own CPU time (the load generator's
// HTTP client, JSON and signing are not charged to it), from the first request of a round until
// the settlement worker has settled every job of the round. Rounds alternate (the machine is
// shared); ratios are of the medians of CPU time per job, which other work on a shared machine
// disturbs much less than throughput; the spread (min–max over rounds) is printed with each.
// Goal: http >= GOAL of raw, judged on CPU time per job.
// Build first: npx turbo run build --filter=@aitbc/coordinator...
//
//   node bench/coordinator-lifecycle.mjs [--jobs 200] [--rounds 7] [--concurrency 4] [--progress 4]
//     [--variants raw,http,…]  (only these; raw and http always)
//   (--progress 0: no progress report, the create + claim + complete)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import {
  arg,
  call,
  expectStatus,
  fmt,
  httpLifecycle,
  median,
  pct,
  pipelines,
  plainMarket,
  setupMarket,
  spawnBenchServer,
  spawnFloorServer,
  spread,
  us,
} from "./coordinator-bench-kit.mjs";
import { openRawWrites } from "./coordinator-raw-writes.mjs";

const GOAL = 0.3;
const JOBS = arg("jobs", 200);
const ROUNDS = arg("rounds", 7);
const CONCURRENCY = arg("concurrency", 4);
const PROGRESS = arg("progress", 4);
const ALL = ["raw", "express", "floor", "domain", "http", "shell"];
const VARIANTS = variantsArg();

/** --variants raw,http: measure only these (raw and http always, the goal needs them). */
function variantsArg() {
  const i = process.argv.indexOf("--variants");
  if (i === -1) return ALL;
  const wanted = new Set(["raw", "http", ...process.argv[i + 1].split(",")]);
  return ALL.filter((v) => wanted.has(v));
}

const server = await spawnBenchServer();
const market = await setupMarket(server.url, server.adminKey);
const shell = VARIANTS.includes("shell") ? await spawnBenchServer({ canned: true }) : undefined;
const shellMarket = shell && (await setupMarket(shell.url, shell.adminKey));
const floor = VARIANTS.includes("floor") ? await spawnFloorServer(market, PROGRESS) : undefined;
const express = VARIANTS.includes("express")
  ? await spawnFloorServer(market, PROGRESS, { signatures: false })
  : undefined;

// ---- raw: better-sqlite3 doing the same writes ----------------------------------------------------
const rawDir = mkdtempSync(join(tmpdir(), "aitbc-bench-raw-"));
const raw = await openRawWrites(join(rawDir, "raw.sqlite"), market, PROGRESS);
function rawCycle() {
  const now = new Date().toISOString();
  const id = randomBytes(16).toString("hex");
  raw.create(id, now);
  const claimed = raw.claim(now);
  raw.progress(claimed.jobId, now);
  raw.complete(claimed.jobId, now);
  raw.settle(now);
}

// ---- measuring ----------------------------------------------------------------------------------
let jobNo = 0;
function runRaw() {
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < JOBS; i++) rawCycle();
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rate: JOBS / seconds, cpuUs: (cpu.user + cpu.system) / JOBS };
}
async function runHttp(target = server, targetMarket = market) {
  // On a loaded machine the other variants' rounds can outlast the miner's online window.
  if (target !== floor && target !== express)
    await expectStatus(
      call(target.url, "POST", `/v1/miners/${targetMarket.minerId}/heartbeat`, {
        key: targetMarket.providerKey,
        body: { active_job_ids: [] },
      }),
      200,
      "heartbeat",
    );
  const cpu0 = await target.cpuUs();
  const start = process.hrtime.bigint();
  const from = jobNo;
  jobNo += JOBS;
  await pipelines(JOBS, CONCURRENCY, (i) =>
    httpLifecycle(target.url, targetMarket, from + i, { progress: PROGRESS }),
  );
  await target.drain();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rate: JOBS / seconds, cpuUs: ((await target.cpuUs()) - cpu0) / JOBS };
}
async function runDomain() {
  const from = jobNo;
  jobNo += JOBS;
  const r = await server.domain({
    jobs: JOBS,
    concurrency: CONCURRENCY,
    progress: PROGRESS,
    market: plainMarket(market),
    from,
  });
  return { rate: JOBS / (r.wallMs / 1000), cpuUs: r.cpuUs / JOBS };
}

// Warm up every path (JIT, validator schema compilation, statements).
await pipelines(40, CONCURRENCY, () =>
  httpLifecycle(server.url, market, jobNo++, { progress: PROGRESS }),
);
await server.drain();
if (shell)
  await pipelines(40, CONCURRENCY, () =>
    httpLifecycle(shell.url, shellMarket, jobNo++, { progress: PROGRESS }),
  );
for (const f of [floor, express].filter(Boolean))
  await pipelines(40, CONCURRENCY, () =>
    httpLifecycle(f.url, market, jobNo++, { progress: PROGRESS }),
  );
if (VARIANTS.includes("domain"))
  await server.domain({
    jobs: 40,
    concurrency: CONCURRENCY,
    progress: PROGRESS,
    market: plainMarket(market),
    from: jobNo,
  });
jobNo += 40;
for (let i = 0; i < 40; i++) rawCycle();

const runs = { raw: [], express: [], floor: [], domain: [], http: [], shell: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = [...VARIANTS];
  if (r % 2 === 1) order.reverse();
  for (const which of order) {
    if (which === "raw") runs.raw.push(runRaw());
    else if (which === "domain") runs.domain.push(await runDomain());
    else if (which === "http") runs.http.push(await runHttp());
    else if (which === "floor") runs.floor.push(await runHttp(floor, market));
    else if (which === "express") runs.express.push(await runHttp(express, market));
    else runs.shell.push(await runHttp(shell, shellMarket));
  }
}
raw.close();
rmSync(rawDir, { recursive: true, force: true });
await server.close();
await shell?.close();
await floor?.close();
await express?.close();

const cpu = (k) => median(runs[k].map((x) => x.cpuUs));
const rate = (k) => median(runs[k].map((x) => x.rate));
console.log(
  `coordinator-lifecycle: ${JOBS} jobs per round, ${ROUNDS} alternating rounds, ` +
    `${CONCURRENCY} concurrent pipelines (domain, http), ` +
    (PROGRESS > 0
      ? `create + claim + progress (${PROGRESS} tokens) + complete`
      : "create + claim + complete") +
    ", settlement included",
);
const line = (label, k) =>
  VARIANTS.includes(k) &&
  console.log(
    `  ${label.padEnd(26)} ${us(cpu(k))} CPU/job (rounds ${spread(
      runs[k].map((x) => x.cpuUs),
      us,
    )}) = ${pct(cpu("raw") / cpu(k))} of raw | ${fmt(rate(k))} jobs (rounds ${spread(
      runs[k].map((x) => x.rate),
      fmt,
    )})`,
  );
line("raw better-sqlite3 writes", "raw");
line("floor: Express + raw writes", "express");
line("floor + receipt signatures", "floor");
line("domain, server process", "domain");
line("http, validated", "http");
line("(http shell only, canned)", "shell");
const ratio = cpu("raw") / cpu("http");
console.log(
  `  ratio http/raw (CPU per job) = ${pct(ratio)} (goal >= ${GOAL * 100} %): ${ratio >= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio >= GOAL ? 0 : 1);
