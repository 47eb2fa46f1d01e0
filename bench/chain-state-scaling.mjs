#!/usr/bin/env node
// Block-apply time as the chain state grows. Two chains in one process, the same validator and
// the same kind of blocks (TXS transfers each, pre-signed): one whose state holds SMALL accounts
// and escrows, one whose state holds LARGE of each. Each block is built by a proposer and then
// applied by a second, validating copy of the state (executeBlock: signatures, every transaction,
// the state root; then the commit into the state), which is what every node does for every
// block. Blocks alternate between the two chains (the machine is shared and load drifts) and
// the ratio is of the medians. Goal: applying a block on the large state costs at most GOAL times
// what it costs on the small one, i.e. block time does not grow with the state.
// Build first: npx turbo run build --filter=@aitbc/node...
//
//   node bench/chain-state-scaling.mjs [--small 1000] [--large 50000] [--blocks 20] [--txs 20]
//   node bench/chain-state-scaling.mjs --node-dist <other checkout>/servers/node/dist   (compare)
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { addressFromPublicKey, fromBase64Url, generateKeyPair, signTx } from "@aitbc/sdk";

const GOAL = 3;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SMALL = Number(arg("small", 1000));
const LARGE = Number(arg("large", 50_000));
const BLOCKS = Number(arg("blocks", 20));
const TXS = Number(arg("txs", 20));
const dist = pathToFileURL(
  resolve(arg("node-dist", new URL("../servers/node/dist", import.meta.url).pathname)) + "/",
);
const load = (path) => import(new URL(path, dist).href);
const { createDevGenesis } = await load("index.js");
const { chainEnv } = await load("domain/chain/chain-env.js");
const { buildBlock, executeBlock } = await load("domain/chain/execute-block.js");
const { genesisInfo, genesisLedger } = await load("domain/chain/genesis-state.js");
const { commitOverlay } = await load("domain/ledger/state.js");
const { stateRoot } = await load("domain/ledger/state-root.js");
const { txHashFast } = await load("domain/ledger/tx-hash.js");

const dev = createDevGenesis({ validators: 1, blockTimeMs: 1000 });
const proposer = { secretKey: fromBase64Url(dev.validators[0].secret_key) };
const senders = Array.from({ length: TXS }, () => {
  const pair = generateKeyPair();
  return { secret: pair.secretKey, address: addressFromPublicKey(pair.publicKey) };
});
const filler = (i) => "aitbc" + createHash("sha256").update(String(i)).digest("hex").slice(0, 40);

/** A chain whose state holds `size` accounts and `size` open escrows besides the senders. */
function chain(size) {
  const genesis = {
    ...dev.genesis,
    genesis_time: new Date(Date.now() - 86_400_000).toISOString(),
    allocations: [
      ...senders.map((s) => ({ address: s.address, amount: "1000000000" })),
      ...Array.from({ length: size }, (_, i) => ({ address: filler(i), amount: "1" })),
    ],
  };
  const states = [genesisLedger(genesis), genesisLedger(genesis)];
  // Open escrows, as a state loaded from the database would hold them.
  for (const state of states)
    for (let i = 0; i < size; i++)
      state.escrows.set(`job-${i}`, {
        ...{ paid: null, refund: null, provider: null, receipt_hash: null },
        ...{ release_tx_hash: null, release_height: null },
        job_id: `job-${i}`,
        owner: filler(i),
        amount: 10_000n,
        status: "locked",
        lock_tx_hash: "0x" + "0".repeat(64),
        lock_height: 0,
      });
  // What a node computes once when it opens its database, not per block.
  for (const state of states) stateRoot(state);
  return {
    proposerEnv: chainEnv(genesis),
    validatorEnv: chainEnv(genesis),
    proposerState: states[0],
    validatorState: states[1],
    head: genesisInfo(chainEnv(genesis)),
    height: 0,
  };
}

/** Builds the next block (not timed), then times its application by the validating copy. */
function applyOne(c) {
  const txs = senders.map((s, i) =>
    signTx(
      {
        type: "transfer",
        chainId: dev.genesis.chain_id,
        nonce: c.height,
        payload: { to: senders[(i + 1) % senders.length].address, amount: "1" },
      },
      s.secret,
    ),
  );
  const built = buildBlock(
    c.head,
    c.proposerState,
    txs.map((tx) => ({ tx, hash: txHashFast(tx) })),
    c.proposerEnv,
    proposer,
    0,
    c.head.timestampMs + 1000,
  );
  if (built.dropped.length) throw new Error(`dropped: ${JSON.stringify(built.dropped)}`);
  commitOverlay(c.proposerState, built.executed.overlay);
  const start = process.hrtime.bigint();
  const checked = executeBlock(built.executed.block, c.head, c.validatorState, c.validatorEnv);
  commitOverlay(c.validatorState, checked.overlay);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  c.head = checked.info;
  c.height++;
  return ms;
}

const t0 = Date.now();
const small = chain(SMALL);
const large = chain(LARGE);
const setupSeconds = (Date.now() - t0) / 1000;
applyOne(small);
applyOne(large);
const smallMs = [];
const largeMs = [];
for (let b = 0; b < BLOCKS; b++) {
  if (b % 2 === 0) {
    smallMs.push(applyOne(small));
    largeMs.push(applyOne(large));
  } else {
    largeMs.push(applyOne(large));
    smallMs.push(applyOne(small));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = median(largeMs) / median(smallMs);
const fmt = (x) => `${x.toFixed(2)} ms`;
console.log(
  `chain-state-scaling: ${BLOCKS} blocks of ${TXS} transfers per state, alternating (states built in ${setupSeconds.toFixed(1)} s; node code from ${dist.pathname})`,
);
console.log(
  `  small state (${SMALL} accounts + ${SMALL} escrows)   ${fmt(median(smallMs))} per block (median)`,
);
console.log(
  `  large state (${LARGE} accounts + ${LARGE} escrows)   ${fmt(median(largeMs))} per block (median)`,
);
console.log(
  `  ratio large/small = ${ratio.toFixed(2)} (goal <= ${GOAL}): ${ratio <= GOAL ? "PASS" : "FAIL"}`,
);
process.exit(ratio <= GOAL ? 0 : 1);
