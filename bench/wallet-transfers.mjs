#!/usr/bin/env node
// Wallet transfer throughput as a ratio of the chain's own: in one run, on one in-process node
// (1 s blocks, SQLite), the same number of transfers is sent twice:
//   baseline  signed locally with the SDK and submitted straight to the node (non-custodial path);
//   wallet    POST /api/v1/wallet/transfer (key lookup, decryption, nonce lock, submit, wait for a block).
// Both wait until every transfer is in a block. The two alternate for ROUNDS rounds (the machine is
// shared, so load drifts) and the ratio is of the medians. Goal: the wallet reaches at least GOAL
// of the baseline's transfers per second. Build first: npx turbo run build --filter=@aitbc/wallet...
//
//   node bench/wallet-transfers.mjs [--accounts 8] [--per-account 25] [--rounds 3]
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createDevGenesis, startNode } from "@aitbc/node";
import { startWallet } from "@aitbc/wallet";
import { createLogger } from "@aitbc/server-lib";
import {
  addressFromPublicKey,
  createAitbcClient,
  fromBase64Url,
  generateKeyPair,
  signTx,
} from "@aitbc/sdk";

const GOAL = 0.5;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ACCOUNTS = arg("accounts", 8);
const PER_ACCOUNT = arg("per-account", 25);
const ROUNDS = arg("rounds", 3);
const ADMIN = "bench-admin-" + randomBytes(8).toString("hex");

const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-wallet-"));
const dev = createDevGenesis({ validators: 1, chainId: "aitbc-bench", blockTimeMs: 1000 });
const node = await startNode({
  host: "127.0.0.1",
  port: 0,
  dataDir: dir,
  databaseUrl: join(dir, "node.sqlite"),
  genesis: dev.genesis,
  validatorSecretKey: fromBase64Url(dev.validators[0].secret_key),
  peers: [],
  adminApiKey: ADMIN,
  logLevel: "silent",
});

// The coordinator's GET /v1/me, nothing else (the wallet checks every key there).
const accounts = new Map();
const coordinator = createServer((req, res) => {
  const me = accounts.get(req.headers["x-api-key"]);
  res.writeHead(me ? 200 : 401, { "Content-Type": "application/json" });
  res.end(JSON.stringify(me ?? { type: "x", title: "no", status: 401, code: "unauthorized" }));
});
await new Promise((r) => coordinator.listen(0, "127.0.0.1", r));
const coordinatorUrl = `http://127.0.0.1:${coordinator.address().port}`;

const wallet = await startWallet(
  {
    port: 0,
    host: "127.0.0.1",
    dataDir: dir,
    databaseUrl: join(dir, "wallet.sqlite"),
    nodeUrl: node.url,
    coordinatorUrl,
    adminApiKey: ADMIN,
    passphrase: "bench",
    confirmTimeoutMs: 60_000,
    identityCacheMs: 3_000,
    rateLimitPerSecond: 0,
  },
  { logger: createLogger("wallet", "silent") },
);

const admin = createAitbcClient({ nodeUrl: node.url, walletUrl: wallet.url, apiKey: ADMIN });
const sink = addressFromPublicKey(generateKeyPair().publicKey);
const total = ACCOUNTS * PER_ACCOUNT;

async function waitConfirmed(hashes) {
  const deadline = Date.now() + 120_000;
  for (const tx_hash of hashes) {
    for (;;) {
      const v = await admin.node.getTransaction({ body: { tx_hash } });
      if (v.status === "confirmed") break;
      if (Date.now() > deadline) throw new Error(`not confirmed in time: ${tx_hash}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function baseline() {
  const keys = Array.from({ length: ACCOUNTS }, () => generateKeyPair());
  for (const k of keys)
    await admin.node.requestFaucet({
      body: { address: addressFromPublicKey(k.publicKey), amount: 1000 },
    });
  const started = performance.now();
  const hashes = [];
  await Promise.all(
    keys.map(async (k) => {
      for (let nonce = 0; nonce < PER_ACCOUNT; nonce++) {
        const tx = signTx(
          { type: "transfer", chainId: node.chainId, nonce, payload: { to: sink, amount: "1000" } },
          k.secretKey,
        );
        hashes.push((await admin.node.submitTransaction({ body: tx })).tx_hash);
      }
    }),
  );
  await waitConfirmed(hashes);
  return total / ((performance.now() - started) / 1000);
}

let walletRound = 0;
async function viaWallet() {
  const clients = [];
  walletRound++;
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = `bench-${walletRound}-${i}`;
    const { address } = await admin.wallet.createAccount({ body: { account_id: id } });
    const key = `key-${i}-${randomBytes(6).toString("hex")}`;
    accounts.set(key, { id, name: id, role: "customer", tenant_id: "default", address });
    await admin.node.requestFaucet({ body: { address, amount: 1000 } });
    clients.push(createAitbcClient({ walletUrl: wallet.url, apiKey: key }));
  }
  const started = performance.now();
  const results = await Promise.all(
    clients.flatMap((c) =>
      Array.from({ length: PER_ACCOUNT }, () =>
        c.wallet.createTransfer({ body: { to: sink, amount: 0.001 } }),
      ),
    ),
  );
  await waitConfirmed(results.filter((r) => r.status !== "confirmed").map((r) => r.tx_hash));
  return total / ((performance.now() - started) / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const directRuns = [];
  const walletRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    directRuns.push(await baseline());
    walletRuns.push(await viaWallet());
  }
  const direct = median(directRuns);
  const custodial = median(walletRuns);
  const ratio = custodial / direct;
  const show = (xs) => xs.map((x) => x.toFixed(1)).join(", ");
  console.log(
    `wallet-transfers: ${total} transfers per run, ${ACCOUNTS} accounts, 1 s blocks, ${ROUNDS} rounds`,
  );
  console.log(
    `  baseline (SDK-signed, direct to node): median ${direct.toFixed(1)} tx/s (${show(directRuns)})`,
  );
  console.log(
    `  through the wallet:                    median ${custodial.toFixed(1)} tx/s (${show(walletRuns)})`,
  );
  console.log(
    `  ratio ${ratio.toFixed(2)} (goal >= ${GOAL}): ${ratio >= GOAL ? "PASS" : "BELOW GOAL"}`,
  );
  process.exitCode = ratio >= GOAL ? 0 : 1;
} finally {
  await wallet.close();
  await node.close();
  coordinator.closeAllConnections();
  coordinator.close();
  rmSync(dir, { recursive: true, force: true });
}
