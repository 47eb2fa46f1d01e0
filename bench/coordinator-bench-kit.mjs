// Shared by the coordinator benchmarks: a coordinator on a temp SQLite file with an in-memory
// settlement (the chain is not what is measured), a keep-alive HTTP client, a miner that signs
// receipts with node:crypto, and the job lifecycle a real miner drives.
//
// The server under test runs in its own process (bench/coordinator-bench-server.mjs) and reports
// its own CPU time, so the load generator's work (HTTP client, JSON, receipt signing) is never
// charged to the coordinator. Build first: npx turbo run build --filter=@aitbc/coordinator...
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "node:http";
import { createPrivateKey, randomBytes, sign } from "node:crypto";
import { contentDigest, generateKeyPair, receiptSigningBytes, toBase64Url } from "@aitbc/sdk";
import { createLogger } from "@aitbc/server-lib";
import {
  loadCoordinatorConfig,
  meteredCost,
  startCoordinator,
  unitsFromDuration,
} from "@aitbc/coordinator";

/** Settles instantly and never runs out of money: the benchmark measures the coordinator. */
export class InstantSettlement {
  kind = "bench";
  async lockEscrow() {
    return { txHash: "0x" + randomBytes(32).toString("hex"), blockHeight: 1 };
  }
  async release() {
    return { status: "confirmed", txHash: "0x" + randomBytes(32).toString("hex"), blockHeight: 2 };
  }
  async refund() {
    return this.release();
  }
}

/**
 * A coordinator as production runs it (config defaults, including completeJob waiting for the
 * settlement), except: port 0, a temp SQLite file, the instant settlement, silent logs, and no
 * per-key rate limit (the load generator would trip it; the limiter itself costs a Map lookup).
 */
export async function startBenchCoordinator(overrides = {}) {
  const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-coord-"));
  const adminKey = "admin_" + randomBytes(16).toString("hex");
  const config = {
    ...loadCoordinatorConfig({
      AITBC_ADMIN_API_KEY: adminKey,
      AITBC_DEV: "1",
      AITBC_DATABASE_URL: join(dir, "coordinator.sqlite"),
    }),
    port: 0,
    rateLimit: false,
    // The scripted miner bills 1.5 s (METERING) for jobs it holds for milliseconds.
    meteringToleranceMs: 3_600_000,
    ...overrides,
  };
  const coordinator = await startCoordinator(config, {
    settlement: new InstantSettlement(),
    logger: createLogger("coordinator", "silent"),
  });
  return {
    coordinator,
    adminKey,
    dir,
    async close() {
      await coordinator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Forks bench/coordinator-bench-server.mjs and talks to it over IPC. `cpuUs()` is the server
 * process's own CPU time (user + system, µs); `drain()` resolves once the settlement worker has
 * nothing left to do, so a round's CPU includes the settlements of its jobs.
 * AITBC_BENCH_SERVER_NODE_ARGS (for example `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles the server.
 */
export async function spawnBenchServer({ bare = false, canned = false } = {}) {
  const { info, ask, exited } = await forkServer(
    new URL("./coordinator-bench-server.mjs", import.meta.url),
    [...(bare ? ["--bare"] : []), ...(canned ? ["--canned"] : [])],
  );
  return {
    url: info.url,
    bareUrl: info.bareUrl,
    adminKey: info.adminKey,
    cpuUs: () => ask("cpu"),
    drain: () => ask("drain"),
    /** The lifecycle through the domain services in the server process (no HTTP). */
    domain: (args) => ask("domain", args),
    async close() {
      await ask("close");
      await exited;
    },
  };
}

/**
 * Forks bench/coordinator-floor-server.mjs (bare Express over the raw writes, plus, with
 * `signatures`, the receipt's signature check and countersignature) for `market`.
 */
export async function spawnFloorServer(market, progress, { signatures = true } = {}) {
  const { info, ask, child, exited } = await forkServer(
    new URL("./coordinator-floor-server.mjs", import.meta.url),
    signatures ? [] : ["--no-signatures"],
    { market: plainMarket(market), progress },
  );
  return {
    url: info.url,
    cpuUs: () => ask("cpu"),
    drain: async () => {},
    async close() {
      child.disconnect();
      await exited;
    },
  };
}

/**
 * Forks a server script that sends {type: "ready", ...} once listening and answers {id, cmd}
 * messages with {id, result} or {id, error}. `hello`, when given, is sent first.
 * AITBC_BENCH_SERVER_NODE_ARGS (for example `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles it.
 */
async function forkServer(script, args, hello) {
  const execArgv = (process.env.AITBC_BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = fork(script, args, { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map();
  let nextId = 0;
  let ready;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const started = new Promise((resolve, reject) => {
    ready = resolve;
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  child.on("message", (m) => {
    if (m.type === "ready") return ready(m);
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  });
  const ask = (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, ...args });
    });
  if (hello) child.send(hello);
  return { info: await started, ask, child, exited };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** A minimal JSON client over keep-alive sockets (fetch's per-request cost would dominate). */
export function call(baseUrl, method, path, { key, body } = {}) {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...(key ? { "X-API-Key": key } : {}),
          ...(payload
            ? { "Content-Type": "application/json", "Content-Length": payload.length }
            : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function expectStatus(promise, status, what) {
  const res = await promise;
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Provider, customer, a service with a current window and a registered miner. */
export async function setupMarket(url, adminKey) {
  const mk = async (id, role) =>
    (
      await expectStatus(
        call(url, "POST", "/v1/admin/accounts", { key: adminKey, body: { id, name: id, role } }),
        201,
        "create account",
      )
    ).api_key;
  const providerKey = await mk("bench-provider", "provider");
  const customerKey = await mk("bench-customer", "customer");
  const now = Date.now();
  await expectStatus(
    call(url, "POST", "/v1/services/register", {
      key: providerKey,
      body: {
        service_id: "bench-001",
        name: "Bench",
        type: "gpu_compute",
        specs: { gpu_type: "none", memory: "0GB", supported_frameworks: ["PyTorch"] },
        pricing: { rate_per_hour: 100, currency: "AITBC" },
        availability: {
          start_time: new Date(now - 86_400_000).toISOString(),
          end_time: new Date(now + 86_400_000).toISOString(),
          timezone: "UTC",
        },
      },
    }),
    201,
    "register service",
  );
  const keys = generateKeyPair();
  const publicKey = toBase64Url(keys.publicKey);
  const secretKey = toBase64Url(keys.secretKey);
  const miner = await expectStatus(
    call(url, "POST", "/v1/miners/register", {
      key: providerKey,
      body: {
        miner_id: "bench-rig",
        name: "bench",
        public_key: publicKey,
        capabilities: {
          executor: "llamacpp",
          gpu: null,
          cpu: { model: "bench", cores: 2 },
          models: [{ name: "aitbc-tiny:latest", digest: "sha256:" + "ab".repeat(32) }],
          task_types: ["inference"],
          max_concurrency: 256,
        },
      },
    }),
    200,
    "register miner",
  );
  return withPrivateKey({
    providerKey,
    customerKey,
    minerId: miner.miner_id,
    publicKey,
    secretKey,
  });
}

/** A market as sent over IPC (plain data) with its node:crypto signing key restored. */
export function withPrivateKey(market) {
  const privateKey = createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: market.secretKey, x: market.publicKey },
    format: "jwk",
  });
  return { ...market, privateKey };
}

export function plainMarket(market) {
  const { privateKey: _omit, ...plain } = market;
  return plain;
}

export function jobRequest(i) {
  return {
    requirements: {
      task_type: "inference",
      model: "aitbc-tiny:latest",
      prompt: `bench prompt ${i}`,
    },
    budget: { max_cost: 1, currency: "AITBC" },
  };
}

/** What a miner streams while it runs a job: the "running on" log line, then token chunks. */
export function progressEvents(i, tokens) {
  return [
    { kind: "log", text: "bench: running aitbc-tiny:latest on llamacpp" },
    ...Array.from({ length: tokens }, (_, t) => ({ kind: "token", text: ` tok${i}.${t}` })),
  ];
}

export const METERING = { duration_ms: 1500, tokens_in: 3, tokens_out: 5 };

/** The receipt a miner would send for a claim, signed with node:crypto. */
export function minerReceipt(claim, market, text, durationMs) {
  const job = claim.job;
  const started = new Date(Date.now() - durationMs);
  const unsigned = {
    receipt_id: randomBytes(16).toString("hex"),
    job_id: job.job_id,
    service_id: job.service_id,
    provider_id: job.provider_id,
    customer_id: job.customer_id,
    miner_id: market.minerId,
    model: job.requirements.model,
    input_hash: contentDigest(job.requirements.prompt),
    output_hash: contentDigest(text),
    units: unitsFromDuration(durationMs),
    unit_type: "gpu_seconds",
    unit_price: job.pricing.unit_price,
    cost: meteredCost(
      BigInt(job.pricing.unit_price),
      durationMs,
      BigInt(job.budget.max_cost_micro),
    ).toString(),
    tokens_in: 3,
    tokens_out: 5,
    started_at: started.toISOString(),
    completed_at: new Date(started.getTime() + durationMs).toISOString(),
    chain_id: job.chain_id,
  };
  const sig = sign(null, receiptSigningBytes(unsigned), market.privateKey).toString("base64url");
  return {
    ...unsigned,
    signatures: [
      { alg: "ed25519", key_id: `provider:${job.provider_id}`, public_key: market.publicKey, sig },
    ],
  };
}

/**
 * One job the way the miner drives it over HTTP: create (customer), claim, one progress report
 * with `progress` token chunks (skipped when 0), complete with a signed receipt.
 */
export async function httpLifecycle(url, market, i, { progress = 4 } = {}) {
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
  const jobPath = `/v1/jobs/${claim.job.job_id}`;
  if (progress > 0)
    await expectStatus(
      call(url, "POST", `${jobPath}/progress`, {
        key: market.providerKey,
        body: { lease_id: claim.lease.lease_id, events: progressEvents(i, progress) },
      }),
      200,
      "progress",
    );
  const text = `output ${i}`;
  await expectStatus(
    call(url, "POST", `${jobPath}/complete`, {
      key: market.providerKey,
      body: {
        lease_id: claim.lease.lease_id,
        output: { text, finish_reason: "stop" },
        metering: METERING,
        receipt: minerReceipt(claim, market, text, METERING.duration_ms),
      },
    }),
    200,
    "complete",
  );
}

/** Runs `cycle(i)` for i in [0, n) on `concurrency` pipelines. */
export async function pipelines(n, concurrency, cycle) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await cycle(next++);
    }),
  );
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (x) => `${Math.round(x).toLocaleString("en-US")}/s`;
export const us = (x) => `${Math.round(x).toLocaleString("en-US")} µs`;
export const pct = (x) => `${(x * 100).toFixed(1)} %`;
/** "min–max" of a list, formatted. */
export const spread = (xs, f) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
