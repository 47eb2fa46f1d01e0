#!/usr/bin/env node
// Sustained transaction throughput of a 3-validator chain on loopback with 1 s blocks. Three
// `aitbc-node` processes (SQLite each) peer with each other; SENDERS accounts each submit
// PER_SENDER pre-signed transfers over HTTP to "their" node (senders are spread over all three),
// one after another, all senders at once. Throughput is counted where it matters: the bench
// subscribes to node 3's /api/v1/ws feed and stops the clock when node 3's blocks hold every
// transfer. Goal: at least GOAL tx/s. For comparison, the same load runs against a single
// validator (no network) in the same run; the ratio says what gossip and agreement cost.
// Build first: npx turbo run build --filter=@aitbc/node...
//
//   node bench/chain-throughput.mjs [--senders 50] [--per-sender 80] [--block-time-ms 1000] [--no-baseline]
import { spawn } from "node:child_process";
import { createPrivateKey, randomBytes, sign } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { allocate, createDevGenesis } from "@aitbc/node";
import { fromBase64Url, txSigningBytes } from "@aitbc/sdk";

const GOAL = 200;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SENDERS = arg("senders", 50);
const PER_SENDER = arg("per-sender", 80);
const BLOCK_TIME_MS = arg("block-time-ms", 1000);
const BASELINE = !process.argv.includes("--no-baseline");
const MAIN = fileURLToPath(new URL("./main.js", import.meta.resolve("@aitbc/node")));
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
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

async function waitHealthy(url, child) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`node at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs with node:crypto (same deterministic ed25519 signature as the SDK, much faster). */
function signer(secretB64) {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, Buffer.from(fromBase64Url(secretB64))]),
    format: "der",
    type: "pkcs8",
  });
  return (unsigned) => ({
    ...unsigned,
    signature: sign(null, txSigningBytes(unsigned), key).toString("base64url"),
  });
}

async function runNetwork(validatorCount) {
  const dir = mkdtempSync(join(tmpdir(), "aitbc-bench-chain-"));
  const senders = createDevGenesis({ validators: SENDERS }).validators;
  const sink = createDevGenesis({ validators: 1 }).validators[0].address;
  const dev = createDevGenesis({
    validators: validatorCount,
    chainId: "aitbc-bench",
    blockTimeMs: BLOCK_TIME_MS,
    allocations: senders.map((s) => allocate(s.address, 1000)),
  });
  const genesisFile = join(dir, "genesis.json");
  writeFileSync(genesisFile, JSON.stringify(dev.genesis));
  const nodes = [];
  try {
    for (let i = 0; i < validatorCount; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, [MAIN], {
        env: {
          ...process.env,
          AITBC_NODE_PORT: String(port),
          AITBC_DATA_DIR: dir,
          AITBC_DATABASE_URL: join(dir, `node-${i}.sqlite`),
          AITBC_GENESIS_FILE: genesisFile,
          AITBC_VALIDATOR_SECRET_KEY: dev.validators[i].secret_key,
          AITBC_PEERS: nodes.map((n) => n.p2p).join(","),
          AITBC_LOG_LEVEL: "error",
          // The whole load comes from this one address: measure the chain, not the per-IP limit.
          AITBC_NODE_RATE_LIMIT: "0",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const url = `http://127.0.0.1:${port}`;
      nodes.push({
        url,
        p2p: `ws://127.0.0.1:${port}/p2p`,
        ws: `ws://127.0.0.1:${port}/api/v1/ws?topics=heads`,
        child,
      });
      await waitHealthy(url, child);
    }
    // Let the validators find each other and produce a few blocks.
    const watched = nodes[nodes.length - 1];
    const startHeight = async () =>
      (await (await fetch(`${watched.url}/api/v1/block/latest`)).json()).height;
    while ((await startHeight()) < 3) await new Promise((r) => setTimeout(r, 200));

    const total = SENDERS * PER_SENDER;
    const txs = senders.map((s) => {
      const signTx = signer(s.secret_key);
      return Array.from({ length: PER_SENDER }, (_, nonce) =>
        signTx({
          type: "transfer",
          chain_id: dev.genesis.chain_id,
          from: s.address,
          nonce,
          payload: { to: sink, amount: "1" },
          public_key: s.public_key,
        }),
      );
    });

    // Count confirmed transfers as node 3's blocks arrive.
    const feed = new WebSocket(watched.ws);
    await new Promise((resolve, reject) => feed.once("open", resolve).once("error", reject));
    let confirmed = 0;
    let blocks = 0;
    let biggest = 0;
    let doneAt = 0;
    const allConfirmed = new Promise((resolve) => {
      feed.on("message", (data) => {
        const e = JSON.parse(data.toString());
        if (e.type !== "head" || e.block.tx_count === 0) return;
        confirmed += e.block.tx_count;
        blocks++;
        biggest = Math.max(biggest, e.block.tx_count);
        if (confirmed >= total && !doneAt) {
          doneAt = performance.now();
          resolve();
        }
      });
    });

    let rejected = 0;
    const cpuBefore = nodes.reduce((sum, n) => sum + cpuSeconds(n.child.pid), 0);
    const start = performance.now();
    let lastAccepted = start;
    await Promise.all(
      txs.map(async (list, s) => {
        const url = nodes[s % nodes.length].url;
        for (const tx of list) {
          const res = await fetch(`${url}/api/v1/transaction/submit`, {
            method: "POST",
            headers: {
              "Content-Type": "application/json",
              "Idempotency-Key": randomBytes(12).toString("hex"),
            },
            body: JSON.stringify(tx),
          });
          if (res.status !== 202) rejected++;
          await res.arrayBuffer();
        }
        lastAccepted = Math.max(lastAccepted, performance.now());
      }),
    );
    if (rejected) throw new Error(`${rejected} submissions were not accepted`);
    const timeout = new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`only ${confirmed} of ${total} confirmed after 120 s`)),
        120_000,
      ).unref(),
    );
    await Promise.race([allConfirmed, timeout]);
    feed.close();
    const cpu = nodes.reduce((sum, n) => sum + cpuSeconds(n.child.pid), 0) - cpuBefore;

    // Every node must hold the same chain: compare one recent block everywhere.
    const height = (await startHeight()) - 1;
    const views = await Promise.all(
      nodes.map(async (n) => await (await fetch(`${n.url}/api/v1/block/${height}`)).json()),
    );
    if (!views.every((v) => v.hash === views[0].hash && v.state_root === views[0].state_root))
      throw new Error(`nodes disagree at height ${height}`);

    return {
      total,
      seconds: (doneAt - start) / 1000,
      acceptSeconds: (lastAccepted - start) / 1000,
      blocks,
      biggest,
      cpuMsPerTx: (cpu * 1000) / total,
    };
  } finally {
    for (const n of nodes) n.child.kill("SIGTERM");
    await Promise.all(
      nodes.map((n) =>
        n.child.exitCode === null ? new Promise((r) => n.child.once("exit", r)) : null,
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

const report = (label, r) =>
  console.log(
    `  ${label.padEnd(22)} ${Math.round(r.total / r.seconds)} tx/s confirmed (${r.total} transfers in ${r.seconds.toFixed(1)} s; ` +
      `accepted at ${Math.round(r.total / r.acceptSeconds)} tx/s; ${r.blocks} blocks, up to ${r.biggest} tx/block)\n` +
      `  ${"".padEnd(22)} ${r.cpuMsPerTx.toFixed(2)} CPU-ms per transfer over all nodes: an idle 2-core machine would carry about ` +
      `${Math.round(2000 / r.cpuMsPerTx)} tx/s`,
  );

const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(
  `chain-throughput: ${SENDERS} senders x ${PER_SENDER} transfers, ${BLOCK_TIME_MS} ms blocks (load average ${load})`,
);
const network = await runNetwork(3);
report("3 validators, node 3", network);
if (BASELINE) {
  const single = await runNetwork(1);
  report("1 validator (baseline)", single);
  console.log(`  network / single = ${((single.seconds / network.seconds) * 100).toFixed(1)} %`);
}
const rate = network.total / network.seconds;
console.log(`  goal >= ${GOAL} tx/s on 3 validators: ${rate >= GOAL ? "PASS" : "FAIL"}`);
process.exit(rate >= GOAL ? 0 : 1);
