#!/usr/bin/env node
// Transaction signature verification on the node's hot path, as a ratio of raw node:crypto
// ed25519 verification, measured in the same run on the same transactions:
//   raw   crypto.verify() with prebuilt KeyObjects, message bytes and signature buffers (the floor:
//         nothing but the curve arithmetic);
//   node  verifyTxSignatureFast(tx) from @aitbc/node: canonical JSON of the transaction, strict
//         base64url decoding, the key cache and the from/public_key address check, then verify.
// The two alternate for ROUNDS rounds (the machine is shared, so load drifts) and the ratio is of
// the medians. Goal: the node reaches at least GOAL of raw. For reference, the SDK's pure-JS
// verifyTxSignature (noble) is measured once. Build first: npx turbo run build --filter=@aitbc/node...
//
//   node bench/chain-verify.mjs [--txs 4000] [--keys 50] [--rounds 5]
import { createPublicKey, verify } from "node:crypto";
import { verifyTxSignatureFast } from "@aitbc/node";
import {
  addressFromPublicKey,
  generateKeyPair,
  signTx,
  txSigningBytes,
  verifyTxSignature,
} from "@aitbc/sdk";

const GOAL = 0.7;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TXS = arg("txs", 4000);
const KEYS = arg("keys", 50);
const ROUNDS = arg("rounds", 5);

const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const keys = Array.from({ length: KEYS }, () => generateKeyPair());
const to = addressFromPublicKey(generateKeyPair().publicKey);
const txs = Array.from({ length: TXS }, (_, i) =>
  signTx(
    {
      type: i % 3 === 0 ? "escrow_lock" : "transfer",
      chainId: "aitbc-bench",
      nonce: i,
      payload:
        i % 3 === 0
          ? { job_id: `job-${i.toString(16).padStart(32, "0")}`, amount: String(1_000_000 + i) }
          : { to, amount: String(1 + i) },
    },
    keys[i % KEYS].secretKey,
  ),
);
const raw = txs.map((tx, i) => ({
  key: createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, Buffer.from(keys[i % KEYS].publicKey)]),
    format: "der",
    type: "spki",
  }),
  message: Buffer.from(txSigningBytes(tx)),
  signature: Buffer.from(tx.signature, "base64url"),
}));

function measure(fn) {
  const start = process.hrtime.bigint();
  let ok = 0;
  for (let i = 0; i < TXS; i++) if (fn(i)) ok++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (ok !== TXS) throw new Error(`only ${ok} of ${TXS} signatures verified`);
  return TXS / seconds;
}
const rawRun = () => measure((i) => verify(null, raw[i].message, raw[i].key, raw[i].signature));
const nodeRun = () => measure((i) => verifyTxSignatureFast(txs[i]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm up both paths (JIT, key cache) before measuring.
rawRun();
nodeRun();
const rawRates = [];
const nodeRates = [];
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2 === 0) {
    rawRates.push(rawRun());
    nodeRates.push(nodeRun());
  } else {
    nodeRates.push(nodeRun());
    rawRates.push(rawRun());
  }
}
const sdkStart = process.hrtime.bigint();
const sample = Math.min(TXS, 500);
for (let i = 0; i < sample; i++) verifyTxSignature(txs[i]);
const sdkRate = sample / (Number(process.hrtime.bigint() - sdkStart) / 1e9);

const rawMedian = median(rawRates);
const nodeMedian = median(nodeRates);
const ratio = nodeMedian / rawMedian;
const fmt = (x) => `${Math.round(x).toLocaleString("en-US")}/s`;
console.log(`chain-verify: ${TXS} transactions, ${KEYS} keys, ${ROUNDS} alternating rounds`);
console.log(
  `  raw node:crypto verify      ${fmt(rawMedian)} (median; rounds ${rawRates.map(fmt).join(", ")})`,
);
console.log(
  `  node verifyTxSignatureFast  ${fmt(nodeMedian)} (median; rounds ${nodeRates.map(fmt).join(", ")})`,
);
console.log(`  SDK verifyTxSignature       ${fmt(sdkRate)} (noble, pure JS; reference only)`);
console.log(
  `  ratio node/raw = ${(ratio * 100).toFixed(1)} % (goal >= ${GOAL * 100} %): ${ratio >= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio >= GOAL ? 0 : 1);
