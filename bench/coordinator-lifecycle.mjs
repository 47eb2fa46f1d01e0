#!/usr/bin/env node
// Job lifecycle throughput: create + claim + complete, as a ratio of raw better-sqlite3 doing the
// same writes, measured in the same run:
//   raw     better-sqlite3 prepared statements on a file with the coordinator's schema, WAL,
//           synchronous=NORMAL: per job the same rows and transactions the coordinator writes
//           (pending insert; queue + event; miner touch; claim + event; completion + 2 events +
//           receipt + outbox row; the settlement worker's two updates), no HTTP, no JSON
//           validation, no signatures;
//   domain  the coordinator's own domain code called in-process (knex, matching, receipt checks
//           and countersigning), no HTTP: shows where the time goes;
//   http    the real server over keep-alive HTTP: POST /v1/jobs/create, POST claim, POST complete
//           with a miner-signed receipt, contract validation of requests and responses on.
// Rounds alternate (the machine is shared) and ratios are of the medians, for throughput and for
// the process's CPU time per job (which other work on a shared machine disturbs much less).
// Goal: http >= GOAL of raw, judged on CPU time.
// Build first: npx turbo run build --filter=@aitbc/coordinator...
//
//   node bench/coordinator-lifecycle.mjs [--jobs 200] [--rounds 3] [--concurrency 4]
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { openDatabase, migrate } from "@aitbc/server-lib";
import { migrations } from "@aitbc/coordinator";
import {
  arg,
  call,
  expectStatus,
  fmt,
  jobRequest,
  median,
  minerReceipt,
  setupMarket,
  startBenchCoordinator,
} from "./coordinator-bench-kit.mjs";

const GOAL = 0.3;
const JOBS = arg("jobs", 200);
const ROUNDS = arg("rounds", 3);
const CONCURRENCY = arg("concurrency", 4);

const bench = await startBenchCoordinator();
const url = bench.coordinator.url;
const market = await setupMarket(url, bench.adminKey);
const ctx = bench.coordinator.context;

// ---- http: the real server -------------------------------------------------------------------
async function httpCycle(i) {
  await expectStatus(
    call(url, "POST", "/v1/jobs/create", { key: market.customerKey, body: jobRequest(i) }),
    201,
    "create",
  );
  const claim = await expectStatus(
    call(url, "POST", `/v1/miners/${market.minerId}/claim`, {
      key: market.providerKey,
      body: { wait_s: 0 },
    }),
    200,
    "claim",
  );
  const text = `output ${i}`;
  await expectStatus(
    call(url, "POST", `/v1/jobs/${claim.job.job_id}/complete`, {
      key: market.providerKey,
      body: {
        lease_id: claim.lease.lease_id,
        output: { text, finish_reason: "stop" },
        metering: { duration_ms: 1500, tokens_in: 3, tokens_out: 5 },
        receipt: minerReceipt(claim, market, text, 1500),
      },
    }),
    200,
    "complete",
  );
}

// ---- domain: the same use cases in-process ------------------------------------------------------
const account = async (id) => {
  const a = await ctx.repos.accounts.byId(id);
  return {
    id: a.id,
    name: a.name,
    role: a.role,
    tenantId: a.tenantId,
    address: a.address,
    platformAdmin: false,
    apiKey: "x",
  };
};
const customer = await account("bench-customer");
const provider = await account("bench-provider");
async function domainCycle(i) {
  await ctx.jobs.create(customer, jobRequest(i), undefined);
  const miner = await ctx.repos.miners.byId(market.minerId);
  const claim = await ctx.claims.tryClaim(miner);
  const text = `output ${i}`;
  await ctx.reports.complete(provider, claim.job.job_id, {
    lease_id: claim.lease.lease_id,
    output: { text, finish_reason: "stop" },
    metering: { duration_ms: 1500, tokens_in: 3, tokens_out: 5 },
    receipt: minerReceipt(claim, market, text, 1500),
  });
}

// ---- raw: better-sqlite3 doing the same writes ----------------------------------------------------
const rawFile = join(bench.dir, "raw.sqlite");
{
  const k = await openDatabase({ url: rawFile });
  await migrate(k, migrations);
  await k.destroy();
}
const raw = new Database(rawFile);
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
raw.pragma("foreign_keys = ON");
const s = {
  insertJob:
    raw.prepare(`INSERT INTO jobs (job_id, tenant_id, customer_id, service_id, provider_id, status, task_type, model,
    requirements, budget_micro, unit_price_micro, ttl_seconds, attempts, created_at, updated_at, expires_at, notes, payment_status, last_seq)
    VALUES (?, 'default', 'c', 's', 'p', 'pending', 'inference', 'm', ?, 1000000, 100000000, 900, 0, ?, ?, ?, '[]', 'locked', 0)`),
  jobById: raw.prepare("SELECT * FROM jobs WHERE job_id = ?"),
  queue: raw.prepare(
    "UPDATE jobs SET status = 'queued', lock_tx_hash = ?, updated_at = ? WHERE job_id = ?",
  ),
  event: raw.prepare("INSERT INTO job_events (job_id, seq, type, at, data) VALUES (?, ?, ?, ?, ?)"),
  seq: raw.prepare("UPDATE jobs SET last_seq = ? WHERE job_id = ?"),
  touch: raw.prepare("UPDATE miners SET last_heartbeat_at = ? WHERE miner_id = ?"),
  held: raw.prepare(
    "SELECT COUNT(*) AS n FROM jobs WHERE miner_id = ? AND status IN ('assigned','running')",
  ),
  next: raw.prepare(`SELECT * FROM jobs WHERE status = 'queued' AND provider_id = 'p' AND expires_at > ?
    AND task_type = 'inference' AND model IN ('m') ORDER BY created_at, job_id LIMIT 1`),
  assign:
    raw.prepare(`UPDATE jobs SET status = 'assigned', miner_id = 'r', lease_id = ?, lease_expires_at = ?,
    attempts = attempts + 1, assigned_at = ?, updated_at = ? WHERE job_id = ?`),
  complete:
    raw.prepare(`UPDATE jobs SET status = 'completed', finished_at = ?, output = ?, metering = ?, duration_ms = 1500,
    paid_micro = 41666, refund_micro = 958334, receipt_hash = ?, updated_at = ? WHERE job_id = ?`),
  outbox:
    raw.prepare(`INSERT INTO settlement_outbox (job_id, kind, amount_micro, paid_micro, refund_micro, status, attempts,
    next_attempt_at, created_at, updated_at) VALUES (?, 'release', 1000000, 41666, 958334, 'pending', 0, ?, ?, ?)`),
  receipt:
    raw.prepare(`INSERT INTO receipts (job_id, tenant_id, customer_id, provider_id, receipt_hash, receipt, created_at)
    VALUES (?, 'default', 'c', 'p', ?, ?, ?)`),
  due: raw.prepare(
    "SELECT * FROM settlement_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at, job_id LIMIT 1",
  ),
  claimOutbox: raw.prepare("UPDATE settlement_outbox SET next_attempt_at = ? WHERE job_id = ?"),
  confirm: raw.prepare(
    "UPDATE settlement_outbox SET status = 'confirmed', tx_hash = ?, attempts = 1, updated_at = ? WHERE job_id = ?",
  ),
  settle: raw.prepare(
    "UPDATE jobs SET payment_status = 'settled', settle_tx_hash = ?, updated_at = ? WHERE job_id = ?",
  ),
};
raw
  .prepare(
    `INSERT INTO miners (miner_id, provider_id, name, public_key, capabilities, max_concurrency, last_heartbeat_at, registered_at)
  VALUES ('r', 'p', 'r', 'k', '{}', 256, ?, ?)`,
  )
  .run(new Date().toISOString(), new Date().toISOString());
const receiptJson = JSON.stringify(minerReceiptStub());
function minerReceiptStub() {
  return {
    receipt_id: "x".repeat(32),
    signatures: [{ sig: "y".repeat(86) }, { sig: "z".repeat(86) }],
  };
}
const txQueue = raw.transaction((id, now) => {
  const j = s.jobById.get(id);
  s.queue.run("0x" + "1".repeat(64), now, id);
  s.event.run(id, j.last_seq + 1, "status", now, '{"status":"queued"}');
  s.seq.run(j.last_seq + 1, id);
  s.jobById.get(id);
});
const txClaim = raw.transaction((now) => {
  s.held.get("r");
  const j = s.next.get(now);
  s.assign.run(randomBytes(16).toString("hex"), now, now, now, j.job_id);
  s.event.run(j.job_id, j.last_seq + 1, "status", now, '{"status":"assigned","miner_id":"r"}');
  s.seq.run(j.last_seq + 1, j.job_id);
  return j;
});
const txComplete = raw.transaction((id, now) => {
  const j = s.jobById.get(id);
  s.complete.run(
    now,
    '{"text":"x","finish_reason":"stop"}',
    '{"duration_ms":1500}',
    "sha256:" + "2".repeat(64),
    now,
    id,
  );
  s.event.run(id, j.last_seq + 1, "status", now, '{"status":"completed"}');
  s.event.run(id, j.last_seq + 2, "result", now, receiptJson);
  s.seq.run(j.last_seq + 2, id);
  s.outbox.run(id, now, now, now);
  s.receipt.run(id, "sha256:" + "2".repeat(64), receiptJson, now);
  s.jobById.get(id);
});
const txOutboxClaim = raw.transaction((now) => {
  const o = s.due.get(now);
  s.claimOutbox.run(now, o.job_id);
  return o;
});
const txSettle = raw.transaction((id, now) => {
  s.confirm.run("0x" + "3".repeat(64), now, id);
  s.settle.run("0x" + "3".repeat(64), now, id);
});
function rawCycle() {
  const now = new Date().toISOString();
  const id = randomBytes(16).toString("hex");
  s.insertJob.run(
    id,
    '{"task_type":"inference","model":"m","prompt":"p"}',
    now,
    now,
    new Date(Date.now() + 900_000).toISOString(),
  );
  txQueue(id, now);
  s.touch.run(now, "r");
  const j = txClaim(now);
  txComplete(j.job_id, now);
  const o = txOutboxClaim(now);
  txSettle(o.job_id, now);
}

// ---- measuring ----------------------------------------------------------------------------------
function measured(start, cpu0) {
  const cpu = process.cpuUsage(cpu0);
  return {
    rate: JOBS / (Number(process.hrtime.bigint() - start) / 1e9),
    cpuUs: (cpu.user + cpu.system) / JOBS,
  };
}
async function runConcurrent(cycle) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOBS) await cycle(next++);
    }),
  );
  return measured(start, cpu0);
}
function runRaw() {
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < JOBS; i++) rawCycle();
  return measured(start, cpu0);
}
const drain = async () => {
  // Let the settlement worker finish the previous round's releases before the next round.
  for (let i = 0; i < 200 && (await ctx.repos.outbox.countPending()) > 0; i++)
    await new Promise((r) => setTimeout(r, 25));
};

// Warm up every path (JIT, validator schema compilation, prepared statements).
for (let i = 0; i < 20; i++) await httpCycle(i);
for (let i = 0; i < 20; i++) await domainCycle(i);
for (let i = 0; i < 20; i++) rawCycle();
await drain();

const rates = { raw: [], domain: [], http: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? ["raw", "domain", "http"] : ["http", "domain", "raw"];
  for (const which of order) {
    if (which === "raw") rates.raw.push(runRaw());
    else if (which === "domain") rates.domain.push(await runConcurrent(domainCycle));
    else rates.http.push(await runConcurrent(httpCycle));
    await drain();
  }
}
raw.close();
await bench.close();

const rate = (k) => median(rates[k].map((x) => x.rate));
const cpu = (k) => median(rates[k].map((x) => x.cpuUs));
const m = { raw: rate("raw"), domain: rate("domain"), http: rate("http") };
const c = { raw: cpu("raw"), domain: cpu("domain"), http: cpu("http") };
const ratio = c.raw / c.http;
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const us = (x) => `${Math.round(x).toLocaleString("en-US")} µs`;
console.log(
  `coordinator-lifecycle: ${JOBS} jobs per round, ${ROUNDS} alternating rounds, ${CONCURRENCY} concurrent pipelines (domain, http)`,
);
const line = (label, k) =>
  console.log(
    `  ${label.padEnd(26)} ${us(c[k])} CPU/job = ${pct(c.raw / c[k])} of raw | ${fmt(m[k])} jobs ` +
      `(rounds ${rates[k].map((x) => fmt(x.rate)).join(", ")}) = ${pct(m[k] / m.raw)} of raw`,
  );
line("raw better-sqlite3 writes", "raw");
line("domain, in-process", "domain");
line("http, validated", "http");
console.log(
  `  ratio http/raw (CPU per job) = ${pct(ratio)} (goal >= ${GOAL * 100} %): ${ratio >= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio >= GOAL ? 0 : 1);
