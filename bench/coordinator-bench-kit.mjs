// Shared by the coordinator benchmarks: a coordinator on a temp SQLite file with an in-memory
// settlement (the chain is not what is measured), a keep-alive HTTP client, and a miner that signs
// receipts with node:crypto. Build first: npx turbo run build --filter=@aitbc/coordinator...
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

export async function startBenchCoordinator(overrides = {}) {
  const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-coord-"));
  const adminKey = "admin_" + randomBytes(16).toString("hex");
  const config = {
    ...loadCoordinatorConfig({
      AITBC_ADMIN_API_KEY: adminKey,
      AITBC_DATABASE_URL: join(dir, "coordinator.sqlite"),
    }),
    port: 0,
    rateLimit: false,
    settleWaitMs: 0,
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
  const privateKey = createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: toBase64Url(keys.secretKey), x: publicKey },
    format: "jwk",
  });
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
  return { providerKey, customerKey, minerId: miner.miner_id, publicKey, privateKey };
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

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (x) => `${Math.round(x).toLocaleString("en-US")}/s`;
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
