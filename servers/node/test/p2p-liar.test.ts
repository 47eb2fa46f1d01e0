// One peer must not halt the chain: an unauthenticated peer that claims the heaviest possible
// head every 100 ms and never answers `get_blocks` would keep every validator syncing (and so
// not proposing) forever. The validators keep producing, drop the liar once its request times
// out, and refuse its address when it comes back. Limits are lowered to keep the test short;
// AITBC_P2P_DEFAULT_LIMITS=1 runs it with the defaults (the figures in docs/chain.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import type { P2pLimits } from "../src/p2p/p2p-limits.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { connect, helloMessage, type RawPeer } from "./support/raw-peer.js";

const DEFAULTS = process.env.AITBC_P2P_DEFAULT_LIMITS === "1";
const LIMITS: Partial<P2pLimits> = DEFAULTS
  ? {}
  : { syncRequestTimeoutMs: 1000, syncStallMs: 1000 };
const DROP_WITHIN_MS = DEFAULTS ? 13_000 : 3000;
const MAX = Number.MAX_SAFE_INTEGER;
const FAKE_HEAD = "0x" + "ee".repeat(32);

/** Connects to node i, claims the heaviest head there is, repeats it every 100 ms, answers nothing. */
async function liar(h: Harness, i: number): Promise<RawPeer & { stop(): void }> {
  const peer = await connect(h.nodes[i]!.p2pUrl);
  peer.send({ ...helloMessage(h, i), height: MAX, head_hash: FAKE_HEAD, weight: MAX });
  const timer = setInterval(
    () => peer.send({ type: "status", height: MAX, head_hash: FAKE_HEAD, weight: MAX }),
    100,
  );
  void peer.closed.then(() => clearInterval(timer));
  return { ...peer, stop: () => clearInterval(timer) };
}

describe.each(testDatabaseKinds())("a peer lying about its head (%s)", (kind) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 3, run: 0 });
    for (let i = 0; i < 3; i++) await h.start(i, { p2pLimits: LIMITS });
    await until(async () => (await h.client(0).node.getLatestBlock()).height >= 3, "first blocks");
  }, 30_000);
  afterAll(() => h?.close());

  it("does not stop the validators, is dropped within seconds and refused when it returns", async () => {
    const from = (await h.client(0).node.getLatestBlock()).height;
    const started = Date.now();
    const liars = await Promise.all([0, 1, 2].map((i) => liar(h, i)));
    const drops = liars.map((l) => l.closed.then((c) => ({ ...c, ms: Date.now() - started })));
    // Its claim is heard, but not believed: the node does not think itself behind.
    const status = await until(async () => {
      const s = await h.client(0).node.getSyncStatus();
      return s.peers.some((p) => p.height === MAX) ? s : undefined;
    }, "the liar's claim to be heard");
    expect(status.best_peer_height).toBeLessThan(MAX);
    const to = await until(
      async () => {
        const b = await h.client(0).node.getLatestBlock();
        return b.height >= from + 10 ? b.height : undefined;
      },
      "10 blocks since the liars came",
      15_000,
    );
    const dropped = await Promise.all(drops);
    for (const d of dropped) {
      expect(d.code).toBe(1008);
      expect(d.reason).toContain("did not answer get_blocks");
      expect(d.ms).toBeLessThan(DROP_WITHIN_MS);
    }
    // Back at once: refused, with the time to wait.
    await expect(connect(h.nodes[0]!.p2pUrl)).rejects.toThrow(/429/);

    let longestGapMs = 0;
    let prev = Date.parse((await h.client(0).node.getBlock({ path: { height: from } })).timestamp);
    for (let height = from + 1; height <= to; height++) {
      const t = Date.parse((await h.client(0).node.getBlock({ path: { height } })).timestamp);
      longestGapMs = Math.max(longestGapMs, t - prev);
      prev = t;
    }
    console.info(
      `liar dropped after ${dropped.map((d) => d.ms).join(", ")} ms; ` +
        `longest gap between blocks ${longestGapMs} ms (block time 150 ms)`,
    );
    // Proposing waits for a sync only until it stalls (syncStallMs), plus fallback rounds.
    expect(longestGapMs).toBeLessThan((LIMITS.syncStallMs ?? 5000) + 2000);
  }, 40_000);
});
