#!/usr/bin/env node
// Writes the receipt test vectors in spec/receipts/vectors/ from fixed seeds, so anyone can
// regenerate them byte for byte: `node spec/receipts/make-vectors.mjs` (or `--check` to verify the
// committed files). It deliberately shares no code with the SDK: signatures come from node:crypto
// and the RFC 8785 canonical form from the few lines below (receipts hold only strings and
// integers), so the SDK's implementation is checked against an independent one.
import { createHash, createPrivateKey, createPublicKey, sign } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "vectors");

const sha256 = (data) => createHash("sha256").update(data).digest();
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");

/** RFC 8785 for JSON made of objects, arrays, strings and safe integers. */
function jcs(value) {
  if (Array.isArray(value)) return "[" + value.map(jcs).join(",") + "]";
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + jcs(value[k])).join(",") + "}";
  }
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new Error("integers only");
  return JSON.stringify(value);
}

function keyFromLabel(label, keyId) {
  const seed = sha256(`aitbc receipt test vector: ${label}`);
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  const key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(key).export({ format: "jwk" }).x;
  return { key_id: keyId, secret_key: b64url(seed), public_key: publicKey, key };
}

const provider = keyFromLabel("provider key", "provider:gpu-compute-pro");
const coordinator = keyFromLabel("coordinator key", "coordinator:2026-11");
const untrusted = keyFromLabel("untrusted key", "coordinator:2026-11");

function withoutSignatures(receipt) {
  const { signatures: _ignored, ...body } = receipt;
  return body;
}

function signature(receipt, signer) {
  const message = Buffer.from(jcs(withoutSignatures(receipt)), "utf8");
  return {
    alg: "ed25519",
    key_id: signer.key_id,
    public_key: signer.public_key,
    sig: b64url(sign(null, message, signer.key)),
  };
}

/** The miner signs first, then the coordinator countersigns the same signing input. */
function signed(body, signers = [provider, coordinator]) {
  return { ...body, signatures: signers.map((s) => signature(body, s)) };
}

const digest = (text) => "sha256:" + sha256(text).toString("hex");

const GPU_RECEIPT = {
  receipt_id: "5d2f1c0b9a8e7d6c5b4a39281706f5e4",
  job_id: "707c75d0910e49e2965196bce0127ba1",
  service_id: "gpu-compute-001",
  provider_id: "gpu-compute-pro",
  customer_id: "customer-123",
  miner_id: "miner-gpu-01",
  model: "aitbc-tiny:latest",
  model_digest: digest("aitbc-tiny model file"),
  input_hash: digest("Hello AITBC"),
  output_hash: digest("Hello from the tiny model."),
  // 12.345 GPU-seconds at 100 AITBC/hour: floor(100000000 × 12.345 ÷ 3600) micro-AITBC.
  units: "12.345",
  unit_type: "gpu_seconds",
  unit_price: "100000000",
  cost: "342916",
  tokens_in: 3,
  tokens_out: 7,
  started_at: "2026-11-25T12:00:01.055Z",
  completed_at: "2026-11-25T12:00:13.400Z",
  chain_id: "aitbc-dev",
};

const TOKENS_RECEIPT = {
  receipt_id: "0c1d2e3f405162738495a6b7c8d9eaf1",
  job_id: "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
  service_id: "llm-tokens-002",
  provider_id: "gpu-compute-pro",
  customer_id: "customer-123",
  // Non-ASCII text checks that the signing input is UTF-8 of the canonical form, unescaped.
  model: "modèle-€:latest",
  input_hash: digest("Grüße, AITBC 😀"),
  output_hash: digest("Hallo! ✓"),
  // 64 tokens at 2 AITBC per 1000 tokens: floor(2000000 × 64 ÷ 1000).
  units: "64",
  unit_type: "tokens",
  unit_price: "2000000",
  cost: "128000",
  tokens_in: 5,
  tokens_out: 64,
  started_at: "2026-11-25T12:10:00.000Z",
  completed_at: "2026-11-25T12:10:02.500Z",
  chain_id: "aitbc-dev",
};

const TRAINING_RECEIPT = {
  ...GPU_RECEIPT,
  receipt_id: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
  job_id: "f0e1d2c3b4a5968778695a4b3c2d1e0f",
  model: "resnet50",
  input_hash: digest(
    '{"dataset_size":"10GB","estimated_duration":"2 hours","framework":"PyTorch","task_type":"model_training"}',
  ),
  output_hash: digest("checkpoint-final"),
  // A two-hour training job at 100 AITBC/hour, within its 250 AITBC budget.
  units: "7200.000",
  cost: "200000000",
  started_at: "2026-11-25T10:00:00.000Z",
  completed_at: "2026-11-25T12:00:00.000Z",
};
// A seeded run at a temperature above 0: what ran is recorded, so another miner with the same
// executor, version and model file can repeat it byte for byte.
const SEEDED_RECEIPT = {
  ...GPU_RECEIPT,
  receipt_id: "3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b",
  job_id: "b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2",
  output_hash: digest("Hello again from the tiny model."),
  seed: 4294967295,
  temperature: "0.8",
  executor: "llamacpp",
  executor_version: "node-llama-cpp 3.21.1; llama.cpp b6000; cpu",
};

delete TRAINING_RECEIPT.model_digest;
delete TRAINING_RECEIPT.tokens_in;
delete TRAINING_RECEIPT.tokens_out;

const valid = { valid: true };
const gpu = signed(GPU_RECEIPT);

const VECTORS = {
  "valid-gpu-seconds": {
    description:
      "An inference job metered in GPU-seconds, signed by the provider and countersigned by the coordinator.",
    expected: valid,
    receipt: gpu,
  },
  "valid-tokens-unicode": {
    description:
      "A job metered in tokens, with non-ASCII text in a signed field and optional fields left out.",
    expected: valid,
    receipt: signed(TOKENS_RECEIPT),
  },
  "valid-two-hour-training-job": {
    description:
      "A model-training job metered in GPU seconds: two hours at 100 AITBC/hour (200 AITBC of a 250 AITBC budget).",
    expected: valid,
    receipt: signed(TRAINING_RECEIPT),
  },
  "valid-seeded-inference": {
    description:
      "An inference job that records how it ran: the sampler's seed, the temperature as a decimal string, and the executor's name and version.",
    expected: valid,
    receipt: signed(SEEDED_RECEIPT),
  },
  "invalid-tampered-cost": {
    description:
      "valid-gpu-seconds with its cost raised by one micro-AITBC after signing: no signature matches.",
    expected: { valid: false, reason: "tampered" },
    receipt: { ...gpu, cost: "342917" },
  },
  "invalid-untrusted-coordinator-key": {
    description:
      "The coordinator signature is made with a key that is not among the coordinator's published keys; the signature itself is mathematically valid.",
    expected: { valid: false, reason: "untrusted_key" },
    receipt: signed(GPU_RECEIPT, [provider, untrusted]),
  },
  "invalid-wrong-public-key": {
    description:
      "The provider signature names the coordinator's public key instead of the key that made it.",
    expected: { valid: false, reason: "bad_signature" },
    receipt: {
      ...gpu,
      signatures: [{ ...gpu.signatures[0], public_key: coordinator.public_key }, gpu.signatures[1]],
    },
  },
  "invalid-missing-coordinator-signature": {
    description: "Only the provider signed; the coordinator's attestation is missing.",
    expected: { valid: false, reason: "missing_coordinator_signature" },
    receipt: signed(GPU_RECEIPT, [provider]),
  },
};

const publicKeyInfo = ({ key_id, public_key, secret_key }) => ({ key_id, public_key, secret_key });

function vectorFile(name, v) {
  const signingInput = jcs(withoutSignatures(v.receipt));
  return {
    name,
    description: v.description,
    expected: v.expected,
    keys: {
      provider: publicKeyInfo(provider),
      coordinator: publicKeyInfo(coordinator),
      untrusted: publicKeyInfo(untrusted),
    },
    trusted: { coordinator_keys: [coordinator.public_key], provider_keys: [provider.public_key] },
    signing_input: signingInput,
    signing_input_sha256: sha256(Buffer.from(signingInput, "utf8")).toString("hex"),
    receipt_hash: digest(Buffer.from(jcs(v.receipt), "utf8")),
    receipt: v.receipt,
  };
}

const check = process.argv.includes("--check");
const stale = [];
for (const [name, v] of Object.entries(VECTORS)) {
  const path = join(outDir, `${name}.json`);
  const text = JSON.stringify(vectorFile(name, v), null, 2) + "\n";
  if (check) {
    // Compared as JSON data, so that formatting the files (prettier) does not make them stale.
    let current;
    try {
      current = JSON.stringify(JSON.parse(readFileSync(path, "utf8")));
    } catch {
      current = undefined;
    }
    if (current !== JSON.stringify(JSON.parse(text))) stale.push(path);
  } else {
    writeFileSync(path, text);
  }
}
if (check && stale.length) {
  console.error(
    `receipt vectors out of date (run node spec/receipts/make-vectors.mjs):\n  ${stale.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  `${check ? "checked" : "wrote"} ${Object.keys(VECTORS).length} receipt vectors in ${outDir}`,
);
