// Who gets in, and for how long, on /p2p: at most maxPeersPerAddress inbound connections from
// one address (429) and maxInboundPeers in all (503); a connection that says no hello, or sends
// a frame over maxFrameBytes, is dropped; and a dropped peer's address is refused (429) for a
// back-off that doubles with each drop. Limits are lowered to reach them quickly; each test
// connects from its own loopback address (127.0.0.x) so one test's ban does not hit the next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import type { P2pLimits } from "../src/p2p/p2p-limits.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { connect, helloed, helloMessage, type RawPeer } from "./support/raw-peer.js";

const LIMITS: Partial<P2pLimits> = {
  maxInboundPeers: 4,
  maxPeersPerAddress: 2,
  helloTimeoutMs: 1500,
  maxFrameBytes: 64 * 1024,
  banBaseMs: 500,
  banMaxMs: 2000,
};

/** Connects from `from` as soon as the node lets it (the time it took, in ms). */
async function admittedAfter(url: string, from: string): Promise<number> {
  const t = Date.now();
  const peer = await until(() => connect(url, from).catch(() => undefined), `${from} admitted`);
  peer.ws.close();
  return Date.now() - t;
}

describe.each(testDatabaseKinds())("P2P admission (%s)", (kind) => {
  let h: Harness;
  let url: string;

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, run: 0 });
    await h.start(0, { validator: false, peers: [], p2pLimits: LIMITS });
    await h.start(1, {
      validator: false,
      peers: [],
      p2pLimits: { ...LIMITS, exemptLoopback: true },
    });
    url = h.nodes[0]!.p2pUrl;
  });
  afterAll(() => h?.close());

  it("refuses connections over the per-address (429) and total (503) inbound limits", async () => {
    const open: RawPeer[] = [];
    open.push(await helloed(h, 0, "127.0.0.2"), await helloed(h, 0, "127.0.0.2"));
    await expect(connect(url, "127.0.0.2")).rejects.toThrow(/429/);
    open.push(await helloed(h, 0, "127.0.0.3"), await helloed(h, 0, "127.0.0.3"));
    await expect(connect(url, "127.0.0.4")).rejects.toThrow(/503/);
    for (const p of open) p.ws.close();
    // A closed connection frees its place.
    expect(await admittedAfter(url, "127.0.0.4")).toBeLessThan(5000);
  });

  it("drops a connection that says no hello, then refuses its address for a while", async () => {
    const silent = await connect(url, "127.0.0.5");
    const t = Date.now();
    const { code, reason } = await silent.closed;
    expect(code).toBe(1008);
    expect(reason).toContain("no hello within 1500 ms");
    expect(Date.now() - t).toBeLessThan(4000);
    await expect(connect(url, "127.0.0.5")).rejects.toThrow(/429/);
    expect(await admittedAfter(url, "127.0.0.5")).toBeLessThan(3000);
  });

  it("closes a connection sending a frame over the limit (1009) and bans its address", async () => {
    const big = await helloed(h, 0, "127.0.0.6");
    const status = { type: "status", height: 0, head_hash: helloMessage(h).head_hash, weight: 0 };
    // Valid JSON, valid status: only its size is wrong.
    big.send(JSON.stringify(status) + " ".repeat(100 * 1024));
    expect((await big.closed).code).toBe(1009);
    await expect(connect(url, "127.0.0.6")).rejects.toThrow(/429/);
  });

  it("doubles the ban at each further drop", async () => {
    const dropOnce = async () => {
      const p = await helloed(h, 0, "127.0.0.7");
      p.send("not json");
      expect((await p.closed).code).toBe(1008);
    };
    await dropOnce();
    const first = await admittedAfter(url, "127.0.0.7");
    await dropOnce();
    const second = await admittedAfter(url, "127.0.0.7");
    expect(first).toBeGreaterThanOrEqual(300);
    expect(second).toBeGreaterThanOrEqual(800);
    expect(second).toBeLessThan(3000);
  });

  it("lets a dropped loopback peer back at once where loopback is exempt", async () => {
    const p = await helloed(h, 1, "127.0.0.8");
    p.send("not json");
    expect((await p.closed).code).toBe(1008);
    const again = await connect(h.nodes[1]!.p2pUrl, "127.0.0.8");
    again.ws.close();
  });
});
