// A peer speaking the P2P protocol by hand: it gets blocks on request, and it is dropped (close
// 1008) as soon as it sends something invalid, without the node's chain changing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  fromBase64Url,
  generateKeyPair,
  signBlock,
  signTx,
  type P2pMessages,
  type SignedBlock,
} from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { createDevGenesis } from "../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import {
  connect,
  expectDropped,
  helloMessage,
  helloed,
  nextBlock,
  type RawPeer,
} from "./support/raw-peer.js";

/** Gossips `count` valid blocks on top of the node's head and waits until it took them. */
async function gossipBlocks(h: Harness, feeder: RawPeer, count: number): Promise<void> {
  let parent: { height: number; hash: string; timestamp: string } = await h
    .client(0)
    .node.getLatestBlock();
  const top = parent.height + count;
  for (let i = 0; i < count; i++) {
    const block = nextBlock(h, parent);
    feeder.send({ type: "block", block });
    parent = { height: block.header.height, hash: block.hash, timestamp: block.header.timestamp };
  }
  const head = await until(async () => {
    const b = await h.client(0).node.getLatestBlock();
    return b.height === top ? b : undefined;
  }, `the node to take ${count} blocks`);
  expect(head.hash).toBe(parent.hash);
}

describe.each(testDatabaseKinds())("P2P peers (%s)", (kind) => {
  // A fresh node for every test, so each one can run alone and sees no chain an earlier one built.
  let h: Harness;
  const [alice] = createDevGenesis({ validators: 1 }).validators;

  beforeEach(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100, run: 0 });
    // Each test drops a bad peer and then connects another from the same 127.0.0.1.
    await h.start(0, { validator: false, peers: [], p2pLimits: { exemptLoopback: true } });
  });
  afterEach(() => h?.close());

  it("follows valid blocks a peer gossips", async () => {
    const feeder = await helloed(h);
    await gossipBlocks(h, feeder, 3);
    expect(feeder.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("says hello and serves a block range that matches the HTTP view", async () => {
    await gossipBlocks(h, await helloed(h), 3);
    const peer = await helloed(h);
    const theirHello = peer.frames.find((f) => f.type === "hello")!;
    expect(theirHello).toMatchObject({
      chain_id: h.dev.genesis.chain_id,
      genesis_hash: h.nodes[0]!.genesisHash,
    });
    peer.send({ type: "get_blocks", request_id: "r1", from_height: 1, count: 3 });
    const answer = (await until(
      () => peer.frames.find((f) => f.type === "blocks"),
      "blocks",
    )) as unknown as P2pMessages.BlocksMessage;
    expect(answer.request_id).toBe("r1");
    expect(answer.blocks.map((b) => b.header.height)).toEqual([1, 2, 3]);
    const http = await h.client(0).node.getBlock({ path: { height: 2 } });
    expect(answer.blocks[1]!.hash).toBe(http.hash);
    expect(answer.blocks[1]!.header.state_root).toBe(http.state_root);
    peer.ws.close();
  });

  it("drops a peer that sends garbage, or anything before hello", async () => {
    const garbage = await connect(h.nodes[0]!.p2pUrl);
    garbage.send("this is not json");
    await expectDropped(garbage, "not JSON");
    const early = await connect(h.nodes[0]!.p2pUrl);
    early.send({ type: "status", height: 1, head_hash: "0x" + "0".repeat(64), weight: 1 });
    await expectDropped(early, "hello");
  });

  it("drops a peer from another chain", async () => {
    const peer = await connect(h.nodes[0]!.p2pUrl);
    peer.send({ ...helloMessage(h), genesis_hash: "0x" + "1".repeat(64) });
    await expectDropped(peer, "genesis");
  });

  it("drops a peer gossiping a badly signed transaction, but not one with a stale nonce", async () => {
    const chainId = h.dev.genesis.chain_id;
    const stale = await helloed(h);
    // Nonce 5 of an empty account is a gap: an honest race, not misbehaviour.
    stale.send({
      type: "tx",
      tx: signTx(
        { type: "transfer", chainId, nonce: 5, payload: { to: alice!.address, amount: "1" } },
        fromBase64Url(alice!.secret_key),
      ),
    });
    const bad = await helloed(h);
    const tx = signTx(
      { type: "transfer", chainId, nonce: 0, payload: { to: alice!.address, amount: "1" } },
      fromBase64Url(alice!.secret_key),
    );
    bad.send({ type: "tx", tx: { ...tx, payload: { ...tx.payload, amount: "2" } } });
    await expectDropped(bad, "bad_signature");
    expect(stale.ws.readyState).toBe(WebSocket.OPEN);
    stale.ws.close();
  });

  it("drops a peer sending a block from a non-validator or with a wrong state root", async () => {
    const node = h.client(0);
    const feeder = await helloed(h);
    const head = await node.node.getLatestBlock();
    const good = nextBlock(h, head);
    const intruder = await helloed(h);
    const forged: SignedBlock = signBlock(good.header, [], generateKeyPair().secretKey);
    intruder.send({ type: "block", block: forged });
    await expectDropped(intruder, "wrong_proposer");
    const impostor = await helloed(h);
    impostor.send({ type: "block", block: { ...good, signature: forged.signature } });
    await expectDropped(impostor, "bad_signature");

    const validatorKey = fromBase64Url(h.dev.validators[0]!.secret_key);
    const gap = signTx(
      {
        type: "faucet",
        chainId: good.header.chain_id,
        nonce: 999,
        payload: { to: alice!.address, amount: "1" },
      },
      validatorKey,
    );
    const invalidTx = await helloed(h);
    invalidTx.send({ type: "block", block: nextBlock(h, head, [gap]) });
    await expectDropped(invalidTx, "invalid_tx");
    const wrongRoot = await helloed(h);
    wrongRoot.send({ type: "block", block: nextBlock(h, head, [], "0x" + "9".repeat(64)) });
    await expectDropped(wrongRoot, "bad_state_root");
    expect((await node.node.getLatestBlock()).hash).toBe(head.hash);
    // The honest feeder is still connected, and its next block is taken.
    feeder.send({ type: "block", block: good });
    await until(
      async () => (await node.node.getLatestBlock()).hash === good.hash,
      "the good block",
    );
  });

  it("drops a peer answering a request nobody made", async () => {
    const peer = await helloed(h);
    peer.send({ type: "blocks", request_id: "nobody-asked", blocks: [] });
    await expectDropped(peer, "unsolicited");
  });
});
