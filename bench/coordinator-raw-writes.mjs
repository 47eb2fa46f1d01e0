// The baseline of bench/coordinator-lifecycle.mjs: raw better-sqlite3 doing the writes the
// coordinator must durably make for one job, on a file with the coordinator's own schema (its
// migrations), WAL, synchronous=NORMAL, prepared statements, in the same transactions: pending
// insert; queue + event; miner touch + claim + event; progress + events; completion + 2 events +
// receipt + outbox row; the settlement worker's claim and confirm. Plus only the reads those
// writes depend on (the held count and the next job for a claim, the job for a progress or
// completion check). No JSON work (payloads are prebuilt strings of the real sizes), no
// signatures, no matching or authentication reads.
// Also used by bench/coordinator-floor-server.mjs, which puts bare Express in front of it.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { openDatabase, migrate } from "@aitbc/server-lib";
import { migrations } from "@aitbc/coordinator";
import { METERING, minerReceipt, progressEvents } from "./coordinator-bench-kit.mjs";

/** A claim as the coordinator answers it (the fields a miner's receipt is built from). */
export function sampleClaim(jobId = "f".repeat(32)) {
  return {
    job: {
      job_id: jobId,
      service_id: "bench-001",
      provider_id: "bench-provider",
      customer_id: "bench-customer",
      requirements: {
        task_type: "inference",
        model: "aitbc-tiny:latest",
        prompt: "bench prompt 0",
      },
      budget: { max_cost: 1, max_cost_micro: "1000000" },
      pricing: { unit_type: "gpu_seconds", unit_price: "100000000" },
      chain_id: "aitbc-dev",
    },
    lease: { lease_id: "0".repeat(32) },
  };
}

/**
 * Opens a raw writer on `file` (migrated first). `market` needs minerId, publicKey and privateKey
 * (withPrivateKey); `progress` is the number of token chunks per progress report.
 */
export async function openRawWrites(file, market, progress) {
  {
    const k = await openDatabase({ url: file });
    await migrate(k, migrations);
    await k.destroy();
  }
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("foreign_keys = ON");

  // Payloads of the sizes the coordinator writes, built once.
  const claim0 = sampleClaim();
  const sampleReceipt = minerReceipt(claim0, market, "output 0", METERING.duration_ms);
  const countersigned = {
    ...sampleReceipt,
    signatures: [...sampleReceipt.signatures, { ...sampleReceipt.signatures[0], key_id: "c:x" }],
  };
  const RECEIPT_HASH = "sha256:" + "2".repeat(64);
  const P = {
    requirements: JSON.stringify(claim0.job.requirements),
    queued: JSON.stringify({ status: "queued" }),
    assigned: JSON.stringify({ status: "assigned", miner_id: market.minerId }),
    running: JSON.stringify({ status: "running" }),
    progress: progressEvents(0, progress).map((e) => JSON.stringify(e)),
    completed: JSON.stringify({ status: "completed" }),
    output: JSON.stringify({ text: "output 0", finish_reason: "stop" }),
    metering: JSON.stringify(METERING),
    receipt: JSON.stringify(countersigned),
    result: JSON.stringify({
      status: "completed",
      output: { text: "output 0", finish_reason: "stop" },
      receipt: countersigned,
      receipt_hash: RECEIPT_HASH,
      payment: {
        status: "locked",
        amount: 1,
        paid: 0.041666,
        refund: 0.958334,
        lock_tx_hash: "0x" + "1".repeat(64),
        tx_hash: null,
      },
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
    event: raw.prepare(
      "INSERT INTO job_events (job_id, seq, type, at, data) VALUES (?, ?, ?, ?, ?)",
    ),
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

  const queue = raw.transaction((id, now) => {
    s.queue.run("0x" + "1".repeat(64), now, 1, id);
    s.event.run(id, 1, "status", now, P.queued);
  });
  const claim = raw.transaction((now) => {
    s.touch.run(now, market.minerId);
    s.held.get(market.minerId);
    const j = s.next.get(now);
    if (!j) return undefined;
    const seq = j.last_seq + 1;
    const leaseId = randomBytes(16).toString("hex");
    s.event.run(j.job_id, seq, "status", now, P.assigned);
    s.assign.run(market.minerId, leaseId, later(30_000), j.attempts + 1, now, now, seq, j.job_id);
    return { jobId: j.job_id, leaseId };
  });
  const report = raw.transaction((id, now) => {
    const j = s.lease.get(id);
    let seq = j.last_seq;
    s.event.run(id, ++seq, "status", now, P.running);
    for (const e of P.progress) s.event.run(id, ++seq, "progress", now, e);
    s.run.run(now, later(30_000), now, seq, id);
  });
  const complete = raw.transaction((id, now) => {
    const j = s.jobById.get(id);
    const seq = j.last_seq;
    s.event.run(id, seq + 1, "status", now, P.completed);
    s.event.run(id, seq + 2, "result", now, P.result);
    s.complete.run(now, P.output, P.metering, RECEIPT_HASH, now, seq + 2, id);
    s.outbox.run(id, ADDRESS, RECEIPT_HASH, now, now, now);
    s.receipt.run(id, RECEIPT_HASH, P.receipt, now);
  });
  const outboxClaim = raw.transaction((now) => {
    const o = s.due.get(now);
    s.claimOutbox.run(later(120_000), o.job_id);
    return o.job_id;
  });
  const confirm = raw.transaction((id, now) => {
    s.confirm.run(P.txHash, now, id);
    s.settle.run(P.txHash, now, id);
  });

  return {
    /** Create: the pending row, then (after the escrow lock) queued with its event. */
    create(id, now) {
      s.insertJob.run(id, P.requirements, now, now, later(900_000));
      queue(id, now);
    },
    /** The next queued job for the bench miner, assigned under a new lease (or undefined). */
    claim,
    /** A progress report (skipped when the benchmark runs without one). */
    progress(id, now) {
      if (progress > 0) report(id, now);
    },
    complete,
    /** The settlement worker's pass over one completed job. */
    settle(now) {
      confirm(outboxClaim(now), now);
    },
    close: () => raw.close(),
  };
}
