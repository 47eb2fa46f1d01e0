// What a node believes while it syncs: blocks are asked for in ranges of at most 64 and each
// range is checked as it arrives (the first bad block drops the sender, before more is asked
// for); a peer whose blocks do not weigh what it claimed is dropped; and a node's own `blocks`
// answers stay within the frame limit. Each raw peer connects from its own loopback address so
// one test's ban does not hit the next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, txRoot, type SignedBlock } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { fastBlockSigner } from "./support/fast-sign.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { EMPTY_STATE_ROOT, expectDropped, helloed } from "./support/raw-peer.js";

const OURS = 70;
const FRAME_LIMIT = 16 * 1024;

/** `count` empty blocks on genesis, `offsetMs` apart from the genesis time (distinct per branch). */
function branch(h: Harness, count: number, offsetMs: number): SignedBlock[] {
  const sign = fastBlockSigner(fromBase64Url(h.dev.validators[0]!.secret_key));
  const out: SignedBlock[] = [];
  let parent = { hash: h.nodes[0]!.genesisHash, ms: Date.parse(h.dev.genesis.genesis_time) };
  for (let height = 1; height <= count; height++) {
    const block = sign({
      chain_id: h.dev.genesis.chain_id,
      height,
      prev_hash: parent.hash,
      timestamp: new Date(parent.ms + offsetMs).toISOString(),
      round: 0,
      tx_count: 0,
      tx_root: txRoot([]),
      state_root: EMPTY_STATE_ROOT,
    });
    out.push(block);
    parent = { hash: block.hash, ms: Date.parse(block.header.timestamp) };
  }
  return out;
}

describe.each(testDatabaseKinds())("P2P sync checks (%s)", (kind) => {
  let h: Harness;
  let ours: SignedBlock[];

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, run: 0 });
    const limits = { syncRequestTimeoutMs: 2000 };
    await h.start(0, { validator: false, peers: [], p2pLimits: limits });
    await h.start(1, { validator: false, peers: [], p2pLimits: { maxFrameBytes: FRAME_LIMIT } });
    ours = branch(h, OURS, 1);
    for (const i of [0, 1]) {
      const feeder = await helloed(h, i, "127.0.0.9");
      for (const block of ours) feeder.send({ type: "block", block });
      await until(
        async () => (await h.client(i).node.getLatestBlock()).height === OURS,
        `node ${i} to take our branch`,
      );
      feeder.ws.close();
    }
  }, 60_000);
  afterAll(() => h?.close());

  it("asks for small ranges and drops a peer at the first bad block of a heavier fork", async () => {
    const fork = branch(h, 300, 2);
    const bad = { ...fork[2]!, signature: fork[3]!.signature };
    fork[2] = bad;
    const tip = fork[fork.length - 1]!;
    const peer = await helloed(h, 0, "127.0.0.10");
    const ranges: number[] = [];
    peer.ws.on("message", (d) => {
      const m = JSON.parse(d.toString());
      if (m.type !== "get_blocks") return;
      if (m.count > 1) ranges.push(m.count);
      const blocks = fork.slice(m.from_height - 1, m.from_height - 1 + m.count);
      peer.send({ type: "blocks", request_id: m.request_id, blocks });
    });
    peer.send({ type: "status", height: 300, head_hash: tip.hash, weight: 300 });
    await expectDropped(peer, "invalid block: bad_signature");
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toBeLessThanOrEqual(64);
    expect((await h.client(0).node.getLatestBlock()).hash).toBe(ours[OURS - 1]!.hash);
  });

  it("drops a peer whose blocks do not weigh what it claimed", async () => {
    const peer = await helloed(h, 0, "127.0.0.11");
    peer.ws.on("message", (d) => {
      const m = JSON.parse(d.toString());
      if (m.type !== "get_blocks") return;
      // Honest blocks (ours), but nothing beyond them.
      const blocks = ours.slice(m.from_height - 1, m.from_height - 1 + m.count);
      peer.send({ type: "blocks", request_id: m.request_id, blocks });
    });
    peer.send({ type: "status", height: 1000, head_hash: "0x" + "dd".repeat(32), weight: 1000 });
    await expectDropped(peer, "unproven head");
  });

  it("keeps a blocks answer within the frame limit", async () => {
    const peer = await helloed(h, 1, "127.0.0.12");
    peer.send({ type: "get_blocks", request_id: "r", from_height: 1, count: 256 });
    const answer = await until(() => peer.frames.find((f) => f.type === "blocks"), "the answer");
    const blocks = answer.blocks as SignedBlock[];
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(FRAME_LIMIT);
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThan(OURS);
    expect(blocks.map((b) => b.header.height)).toEqual(blocks.map((_, i) => i + 1));
  });
});
