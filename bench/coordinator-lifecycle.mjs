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
//   (--progress 0: no progress report, the create + claim + complete)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { openDatabase, migrate } from "@aitbc/server-lib";
import { migrations } from "@aitbc/coordinator";
import {
  METERING,
  arg,
  fmt,
  httpLifecycle,
  median,
  minerReceipt,
  pct,
  pipelines,
  plainMarket,
  progressEvents,
  setupMarket,
  spawnBenchServer,
  spread,
  us,
} from "./coordinator-bench-kit.mjs";

const GOAL = 0.3;
const JOBS = arg("jobs", 200);
const ROUNDS = arg("rounds", 7);
const CONCURRENCY = arg("concurrency", 4);
const PROGRESS = arg("progress", 4);

const server = await spawnBenchServer();
const market = await setupMarket(server.url, server.adminKey);
const shell = await spawnBenchServer({ canned: true });
const shellMarket = await setupMarket(shell.url, shell.adminKey);

// ---- raw: better-sqlite3 doing the same writes ----------------------------------------------------
const rawDir = mkdtempSync(join(tmpdir(), "aitbc-bench-raw-"));
const rawFile = join(rawDir, "raw.sqlite");
{
  const k = await openDatabase({ url: rawFile });
  await migrate(k, migrations);
  await k.destroy();
}
const raw = new Database(rawFile);
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
raw.pragma("foreign_keys = ON");

// Payloads of the sizes the coordinator writes, built once (raw does no JSON work).
const sampleClaim = {
  job: {
    job_id: "f".repeat(32),
    service_id: "bench-001",
    provider_id: "bench-provider",
    customer_id: "bench-customer",
    requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "bench prompt 0" },
    budget: { max_cost: 1, max_cost_micro: "1000000" },
    pricing: { unit_type: "gpu_seconds", unit_price: "100000000" },
    chain_id: "aitbc-dev",
  },
};
const sampleReceipt = minerReceipt(sampleClaim, market, "output 0", METERING.duration_ms);
const countersigned = {
  ...sampleReceipt,
  signatures: [...sampleReceipt.signatures, { ...sampleReceipt.signatures[0], key_id: "c:x" }],
};
const RECEIPT_HASH = "sha256:" + "2".repeat(64);
const PAYMENT = {
  status: "locked",
  amount: 1,
  paid: 0.041666,
  refund: 0.958334,
  lock_tx_hash: "0x" + "1".repeat(64),
  tx_hash: null,
};
const P = {
  requirements: JSON.stringify(sampleClaim.job.requirements),
  queued: JSON.stringify({ status: "queued" }),
  assigned: JSON.stringify({ status: "assigned", miner_id: market.minerId }),
  running: JSON.stringify({ status: "running" }),
  progress: progressEvents(0, PROGRESS).map((e) => JSON.stringify(e)),
  completed: JSON.stringify({ status: "completed" }),
  output: JSON.stringify({ text: "output 0", finish_reason: "stop" }),
  metering: JSON.stringify(METERING),
  receipt: JSON.stringify(countersigned),
  result: JSON.stringify({
    status: "completed",
    output: { text: "output 0", finish_reason: "stop" },
    receipt: countersigned,
    receipt_hash: RECEIPT_HASH,
    payment: PAYMENT,
  }),
  txHash: "0x" + "3".repeat(64),
};

const s = {
  insertJob:
    raw.prepare(`INSERT INTO jobs (job_id, tenant_id, customer_id, service_id, provider_id, status, task_type, model,
    requirements, budget_micro, unit_price_micro, ttl_seconds, attempts, created_at, updated_at, expires_at, notes,
    payment_status, last_seq)
    VALUES (?, 'default', 'bench-customer', 'bench-001', 'bench-provider', 'pending', 'inference',
    'aitbc-tiny:latest', ?, 1000000, 100000000, 900, 0, ?, ?, ?, '[]', 'locked', 0)`),
  queue: raw.prepare(
    "UPDATE jobs SET status = 'queued', lock_tx_hash = ?, updated_at = ?, last_seq = ? WHERE job_id = ?",
  ),
  event: raw.prepare("INSERT INTO job_events (job_id, seq, type, at, data) VALUES (?, ?, ?, ?, ?)"),
  touch: raw.prepare("UPDATE miners SET last_heartbeat_at = ? WHERE miner_id = ?"),
  held: raw.prepare(
    "SELECT COUNT(*) AS n FROM jobs WHERE miner_id = ? AND status IN ('assigned','running')",
  ),
  next: raw.prepare(`SELECT * FROM jobs WHERE status = 'queued' AND provider_id = 'bench-provider'
    AND expires_at > ? AND task_type = 'inference' AND model IN ('aitbc-tiny:latest')
    ORDER BY created_at, job_id LIMIT 1`),
  assign:
    raw.prepare(`UPDATE jobs SET status = 'assigned', miner_id = ?, lease_id = ?, lease_expires_at = ?,
    attempts = ?, assigned_at = ?, updated_at = ?, last_seq = ? WHERE job_id = ?`),
  lease: raw.prepare(
    "SELECT status, lease_id, lease_expires_at, miner_id, last_seq FROM jobs WHERE job_id = ?",
  ),
  run: raw.prepare(`UPDATE jobs SET status = 'running', started_at = ?, lease_expires_at = ?,
    updated_at = ?, last_seq = ? WHERE job_id = ?`),
  jobById: raw.prepare("SELECT * FROM jobs WHERE job_id = ?"),
  complete:
    raw.prepare(`UPDATE jobs SET status = 'completed', finished_at = ?, output = ?, metering = ?,
    duration_ms = 1500, paid_micro = 41666, refund_micro = 958334, receipt_hash = ?, updated_at = ?,
    last_seq = ? WHERE job_id = ?`),
  outbox:
    raw.prepare(`INSERT INTO settlement_outbox (job_id, kind, amount_micro, paid_micro, refund_micro,
    provider_address, receipt_hash, status, attempts, next_attempt_at, created_at, updated_at)
    VALUES (?, 'release', 1000000, 41666, 958334, ?, ?, 'pending', 0, ?, ?, ?)`),
  receipt:
    raw.prepare(`INSERT INTO receipts (job_id, tenant_id, customer_id, provider_id, receipt_hash, receipt,
    created_at) VALUES (?, 'default', 'bench-customer', 'bench-provider', ?, ?, ?)`),
  due: raw.prepare(
    "SELECT * FROM settlement_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at, job_id LIMIT 1",
  ),
  claimOutbox: raw.prepare("UPDATE settlement_outbox SET next_attempt_at = ? WHERE job_id = ?"),
  confirm: raw.prepare(
    `UPDATE settlement_outbox SET status = 'confirmed', tx_hash = ?, attempts = 1, last_error = NULL,
    updated_at = ? WHERE job_id = ?`,
  ),
  settle: raw.prepare(
    "UPDATE jobs SET payment_status = 'settled', settle_tx_hash = ?, updated_at = ? WHERE job_id = ?",
  ),
};
raw
  .prepare(
    `INSERT INTO miners (miner_id, provider_id, name, public_key, capabilities, max_concurrency, last_heartbeat_at, registered_at)
  VALUES (?, 'bench-provider', 'bench', ?, '{}', 256, ?, ?)`,
  )
  .run(market.minerId, market.publicKey, new Date().toISOString(), new Date().toISOString());
const ADDRESS = "aitbc1" + "q".repeat(38);
const later = (ms) => new Date(Date.now() + ms).toISOString();
const txQueue = raw.transaction((id, now) => {
  s.queue.run("0x" + "1".repeat(64), now, 1, id);
  s.event.run(id, 1, "status", now, P.queued);
});
const txClaim = raw.transaction((now) => {
  s.touch.run(now, market.minerId);
  s.held.get(market.minerId);
  const j = s.next.get(now);
  const seq = j.last_seq + 1;
  s.event.run(j.job_id, seq, "status", now, P.assigned);
  s.assign.run(
    market.minerId,
    randomBytes(16).toString("hex"),
    later(30_000),
    j.attempts + 1,
    now,
    now,
    seq,
    j.job_id,
  );
  return j.job_id;
});
const txProgress = raw.transaction((id, now) => {
  const j = s.lease.get(id);
  let seq = j.last_seq;
  s.event.run(id, ++seq, "status", now, P.running);
  for (const e of P.progress) s.event.run(id, ++seq, "progress", now, e);
  s.run.run(now, later(30_000), now, seq, id);
});
const txComplete = raw.transaction((id, now) => {
  const j = s.jobById.get(id);
  const seq = j.last_seq;
  s.event.run(id, seq + 1, "status", now, P.completed);
  s.event.run(id, seq + 2, "result", now, P.result);
  s.complete.run(now, P.output, P.metering, RECEIPT_HASH, now, seq + 2, id);
  s.outbox.run(id, ADDRESS, RECEIPT_HASH, now, now, now);
  s.receipt.run(id, RECEIPT_HASH, P.receipt, now);
});
const txOutboxClaim = raw.transaction((now) => {
  const o = s.due.get(now);
  s.claimOutbox.run(later(120_000), o.job_id);
  return o.job_id;
});
const txSettle = raw.transaction((id, now) => {
  s.confirm.run(P.txHash, now, id);
  s.settle.run(P.txHash, now, id);
});
function rawCycle() {
  const now = new Date().toISOString();
  const id = randomBytes(16).toString("hex");
  s.insertJob.run(id, P.requirements, now, now, later(900_000));
  txQueue(id, now);
  const claimed = txClaim(now);
  if (PROGRESS > 0) txProgress(claimed, now);
  txComplete(claimed, now);
  txSettle(txOutboxClaim(now), now);
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
await pipelines(40, CONCURRENCY, () =>
  httpLifecycle(shell.url, shellMarket, jobNo++, { progress: PROGRESS }),
);
await server.domain({
  jobs: 40,
  concurrency: CONCURRENCY,
  progress: PROGRESS,
  market: plainMarket(market),
  from: jobNo,
});
jobNo += 40;
for (let i = 0; i < 40; i++) rawCycle();

const runs = { raw: [], domain: [], http: [], shell: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = ["raw", "domain", "http", "shell"];
  if (r % 2 === 1) order.reverse();
  for (const which of order) {
    if (which === "raw") runs.raw.push(runRaw());
    else if (which === "domain") runs.domain.push(await runDomain());
    else if (which === "http") runs.http.push(await runHttp());
    else runs.shell.push(await runHttp(shell, shellMarket));
  }
}
raw.close();
rmSync(rawDir, { recursive: true, force: true });
await server.close();
await shell.close();

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
line("domain, server process", "domain");
line("http, validated", "http");
line("(http shell only, canned)", "shell");
const ratio = cpu("raw") / cpu("http");
console.log(
  `  ratio http/raw (CPU per job) = ${pct(ratio)} (goal >= ${GOAL * 100} %): ${ratio >= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio >= GOAL ? 0 : 1);
