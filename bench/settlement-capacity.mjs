#!/usr/bin/env node
// Settlement capacity of the chain: how many completed jobs it settles per second of chain time,
// one `escrow_release` per job against `settlement_batch` transactions of up to 512 jobs paid
// from prepaid deposits. Three `aitbc-node` validators (SQLite each) peer on loopback with 1 s
// blocks. Before anything is timed, CUSTOMERS accounts lock JOBS escrows between them and one
// deposit each. Then, on the same network:
//   escrow  the settlement key signs JOBS escrow_release txs (nonces in a row) and submits them
//           one after another, as fast as the node accepts them, the best a settlement worker can
//           do with one key (a nonce gap is refused, so they cannot go in parallel);
//   batch   the settlement key signs ceil(JOBS / 512) settlement_batch txs paying the same number
//           of jobs from the deposits and submits them the same way.
// Chain time of a path is the heights its transactions span (first to last block holding one,
// inclusive) times the block time. Goal: batches settle at least GOAL times as many jobs per
// second of chain time as releases. Both paths are checked: every provider's balance grows by
// exactly what was paid, and every batch is on chain with its receipts root and item count.
// Also printed: the validators' CPU per settled job (all three nodes), a measure of the chain's
// own cost that does not depend on how fast one client submits.
// Build first: npx turbo run build --filter=@aitbc/node...
//
//   node bench/settlement-capacity.mjs [--jobs 2000] [--customers 40] [--providers 5] [--block-time-ms 1000]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { allocate, createDevGenesis } from "@aitbc/node";
import {
  MAX_SETTLEMENT_ITEMS,
  depositLockTx,
  fromBase64Url,
  merkleRoot,
  settlementBatchTx,
  signTx,
  txHash,
} from "@aitbc/sdk";

const GOAL = 10;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const JOBS = arg("jobs", 2000);
const CUSTOMERS = arg("customers", 40);
const PROVIDERS = arg("providers", 5);
const BLOCK_TIME_MS = arg("block-time-ms", 1000);
const VALIDATORS = 3;
const MAIN = fileURLToPath(new URL("./main.js", import.meta.resolve("@aitbc/node")));

// Each job's budget is 1 AITBC and it is paid 0.6 AITBC (the rest refunded, for escrows).
const BUDGET = 1_000_000n;
const PAID = 600_000n;
const PER_CUSTOMER = Math.ceil(JOBS / CUSTOMERS);
// The mempool holds at most 128 pending txs per sender: customers lock in waves below that.
const WAVE = 100;

function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A kept-alive socket the server closes just as it is reused (the machine is loaded, timers run
// late) fails the request, closed or reset: try again, up to twice. Submissions carry an
// idempotency key, so a retry of one the node did see answers with its first result.
const DROPPED = new Set(["UND_ERR_SOCKET", "ECONNRESET"]);
async function request(url, init, tries = 3) {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (tries <= 1 || !DROPPED.has(err?.cause?.code)) throw err;
    return request(url, init, tries - 1);
  }
}

async function getJson(url, init) {
  const res = await request(url, init);
  const body = await res.json();
  if (!res.ok)
    throw new Error(`${init?.method ?? "GET"} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function waitHealthy(url, child) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node at ${url} exited with ${child.exitCode}`);
    try {
      if ((await request(`${url}/api/v1/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`node at ${url} did not start`);
    await sleep(100);
  }
}

async function submit(url, tx) {
  const init = {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Idempotency-Key": randomBytes(12).toString("hex"),
    },
    body: JSON.stringify(tx),
  };
  const res = await request(`${url}/api/v1/transaction/submit`, init);
  const body = await res.text();
  if (res.status !== 202) throw new Error(`${tx.type} refused: ${res.status} ${body}`);
}

/** Waits until `address` has used `nonce` nonces by the chain state of the node at `url`. */
async function waitNonce(url, address, nonce, what) {
  const deadline = Date.now() + 120_000;
  while ((await getJson(`${url}/api/v1/account/${address}`)).nonce < nonce) {
    if (Date.now() > deadline) throw new Error(`${what}: not all included after 120 s`);
    await sleep(50);
  }
}

const txHeight = async (url, hash) =>
  (
    await getJson(`${url}/api/v1/transaction/get`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tx_hash: hash }),
    })
  ).block_height;

const balanceMicro = async (url, address) =>
  BigInt((await getJson(`${url}/api/v1/account/${address}`)).balance_micro);

const receiptHash = () => "sha256:" + randomBytes(32).toString("hex");

const keyMaterial = (n) => createDevGenesis({ validators: n }).validators;

const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-settle-"));
const customers = keyMaterial(CUSTOMERS);
const providers = keyMaterial(PROVIDERS).map((p) => p.address);
const dev = createDevGenesis({
  validators: VALIDATORS,
  chainId: "aitbc-bench",
  blockTimeMs: BLOCK_TIME_MS,
  // Escrows of every job plus a deposit covering every job, per customer, with room to spare.
  allocations: customers.map((c) => allocate(c.address, 3 * PER_CUSTOMER + 10)),
});
const settlementKey = fromBase64Url(dev.settlement.secret_key);
const settlementAddress = dev.settlement.address;
const genesisFile = join(dir, "genesis.json");
writeFileSync(genesisFile, JSON.stringify(dev.genesis));
const nodes = [];

/** Submits `txs` (already signed, nonces in a row from one key) in order; the submit seconds. */
async function submitInOrder(url, txs) {
  const start = performance.now();
  for (const tx of txs) await submit(url, tx);
  return (performance.now() - start) / 1000;
}

/** Runs one timed settlement path and checks that every provider got exactly what it paid. */
async function settle(label, txs, paidTotal) {
  const watched = nodes[nodes.length - 1].url;
  const before = await Promise.all(providers.map((p) => balanceMicro(watched, p)));
  const firstNonce = txs[0].nonce;
  const cpuBefore = nodes.reduce((sum, n) => sum + cpuSeconds(n.child.pid), 0);
  const start = performance.now();
  const submitSeconds = await submitInOrder(nodes[0].url, txs);
  await waitNonce(watched, settlementAddress, firstNonce + txs.length, label);
  const wallSeconds = (performance.now() - start) / 1000;
  const cpu = nodes.reduce((sum, n) => sum + cpuSeconds(n.child.pid), 0) - cpuBefore;
  const first = await txHeight(watched, txHash(txs[0]));
  const last = await txHeight(watched, txHash(txs[txs.length - 1]));
  const after = await Promise.all(providers.map((p) => balanceMicro(watched, p)));
  const gained = after.reduce((s, b, i) => s + b - before[i], 0n);
  if (gained !== paidTotal)
    throw new Error(`${label}: providers gained ${gained} micro-AITBC, expected ${paidTotal}`);
  const blocks = last - first + 1;
  return {
    label,
    txs: txs.length,
    blocks,
    chainSeconds: (blocks * BLOCK_TIME_MS) / 1000,
    wallSeconds,
    submitSeconds,
    cpuMsPerJob: (cpu * 1000) / JOBS,
  };
}

try {
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    `settlement-capacity: ${JOBS} jobs, ${CUSTOMERS} customers, ${PROVIDERS} providers, ` +
      `${VALIDATORS} validators, ${BLOCK_TIME_MS} ms blocks (load average ${load})`,
  );
  for (let i = 0; i < VALIDATORS; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        AITBC_NODE_PORT: String(port),
        AITBC_DATA_DIR: dir,
        AITBC_DATABASE_URL: join(dir, `node-${i}.sqlite`),
        AITBC_GENESIS_FILE: genesisFile,
        AITBC_VALIDATOR_SECRET_KEY: dev.validators[i].secret_key,
        AITBC_PEERS: nodes.map((n) => `ws://127.0.0.1:${n.port}/p2p`).join(","),
        AITBC_LOG_LEVEL: "error",
        // All the load comes from this one address: measure the chain, not the per-IP limit.
        AITBC_NODE_RATE_LIMIT: "0",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const url = `http://127.0.0.1:${port}`;
    nodes.push({ url, port, child });
    await waitHealthy(url, child);
  }
  const watched = nodes[nodes.length - 1].url;
  while ((await getJson(`${watched}/api/v1/block/latest`)).height < 3) await sleep(200);

  // Not timed: every job's escrow and every customer's deposit, in blocks before the clock starts.
  const chainId = dev.genesis.chain_id;
  const jobs = Array.from({ length: JOBS }, (_, j) => ({
    customer: customers[j % CUSTOMERS],
    provider: providers[j % PROVIDERS],
    escrowJob: `bench-escrow-${j}`,
    depositJob: `bench-deposit-${j}`,
  }));
  const setupStart = performance.now();
  await Promise.all(
    customers.map(async (c, ci) => {
      const secret = fromBase64Url(c.secret_key);
      const mine = jobs.filter((job) => job.customer === c);
      const url = nodes[ci % nodes.length].url;
      let nonce = 0;
      for (let w = 0; w < mine.length; w += WAVE) {
        const wave = mine.slice(w, w + WAVE).map((job) =>
          signTx(
            {
              type: "escrow_lock",
              chainId,
              nonce: nonce++,
              payload: { job_id: job.escrowJob, amount: BUDGET.toString() },
            },
            secret,
          ),
        );
        await submitInOrder(url, wave);
        await waitNonce(url, c.address, nonce, "escrow locks");
      }
      const deposit = BUDGET * BigInt(mine.length);
      await submit(url, depositLockTx({ chainId, nonce: nonce++, secretKey: secret }, deposit));
      await waitNonce(watched, c.address, nonce, "deposit locks");
    }),
  );
  console.log(
    `  set up ${JOBS} escrows and ${CUSTOMERS} deposits in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (not timed)`,
  );

  const paidTotal = PAID * BigInt(JOBS);
  let nonce = (await getJson(`${watched}/api/v1/account/${settlementAddress}`)).pending_nonce;
  const releases = jobs.map((job) =>
    signTx(
      {
        type: "escrow_release",
        chainId,
        nonce: nonce++,
        payload: {
          job_id: job.escrowJob,
          paid: PAID.toString(),
          refund: (BUDGET - PAID).toString(),
          provider: job.provider,
          receipt_hash: receiptHash(),
        },
      },
      settlementKey,
    ),
  );
  const escrow = await settle("one escrow_release per job", releases, paidTotal);

  const batches = [];
  for (let b = 0; b * MAX_SETTLEMENT_ITEMS < JOBS; b++) {
    const slice = jobs.slice(b * MAX_SETTLEMENT_ITEMS, (b + 1) * MAX_SETTLEMENT_ITEMS);
    const batchId = `bench-batch-${b}-${randomBytes(4).toString("hex")}`;
    const receiptsRoot = merkleRoot(slice.map(() => receiptHash()));
    batches.push({
      batchId,
      receiptsRoot,
      items: slice.length,
      tx: settlementBatchTx(
        { chainId, nonce: nonce++, secretKey: settlementKey },
        {
          batchId,
          receiptsRoot,
          items: slice.map((job) => ({
            depositOwner: job.customer.address,
            provider: job.provider,
            paidMicro: PAID,
            jobId: job.depositJob,
          })),
        },
      ),
    });
  }
  const batch = await settle(
    `settlement_batch (≤ ${MAX_SETTLEMENT_ITEMS} jobs)`,
    batches.map((b) => b.tx),
    paidTotal,
  );
  for (const b of batches) {
    const onChain = await getJson(`${watched}/api/v1/settlements/${b.batchId}`);
    if (onChain.receipts_root !== b.receiptsRoot || onChain.items !== b.items)
      throw new Error(`batch ${b.batchId} on chain does not match what was signed`);
  }
  // Every node must hold the same chain: compare one recent block everywhere.
  const height = (await getJson(`${watched}/api/v1/block/latest`)).height - 1;
  const views = await Promise.all(nodes.map((n) => getJson(`${n.url}/api/v1/block/${height}`)));
  if (!views.every((v) => v.hash === views[0].hash && v.state_root === views[0].state_root))
    throw new Error(`the nodes disagree at height ${height}`);

  for (const r of [escrow, batch])
    console.log(
      `  ${r.label.padEnd(28)} ${Math.round(JOBS / r.chainSeconds)
        .toString()
        .padStart(6)} jobs per chain second ` +
        `(${r.txs} txs in ${r.blocks} blocks = ${r.chainSeconds} s of chain time; ` +
        `submitted in ${r.submitSeconds.toFixed(2)} s, all in a block after ${r.wallSeconds.toFixed(2)} s; ` +
        `${r.cpuMsPerJob.toFixed(3)} validator CPU-ms per job)`,
    );
  const ratio = escrow.chainSeconds / batch.chainSeconds;
  console.log(
    `  batch / escrow: ${ratio.toFixed(1)}x jobs per chain second, ` +
      `${(escrow.cpuMsPerJob / batch.cpuMsPerJob).toFixed(1)}x less validator CPU per job`,
  );
  console.log(`  goal >= ${GOAL}x: ${ratio >= GOAL ? "PASS" : "FAIL"}`);
  process.exitCode = ratio >= GOAL ? 0 : 1;
} finally {
  for (const n of nodes) n.child.kill("SIGTERM");
  await Promise.all(
    nodes.map((n) =>
      n.child.exitCode === null ? new Promise((r) => n.child.once("exit", r)) : null,
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}
