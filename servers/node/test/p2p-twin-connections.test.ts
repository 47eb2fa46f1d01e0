// Two nodes that list each other as peers dial each other. One connection per pair is kept (both
// ends pick the same one), each node reports the other once, under its configured URL, and when
// the kept connection goes away the pair connects again through the dial that had stood down.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy.js";

describe.each(testDatabaseKinds())("two nodes that dial each other (%s)", (kind) => {
  let h: Harness | undefined;
  let toB: TcpProxy | undefined;
  afterEach(async () => {
    await toB?.close();
    await h?.close();
    h = toB = undefined;
  });

  /** Each node's peers, once each has exactly one, connected. */
  async function linkedOnce(what: string) {
    return until(async () => {
      const [a, b] = (await Promise.all([0, 1].map((i) => h!.client(i).node.getSyncStatus()))).map(
        (s) => s.peers,
      );
      const ok = (peers: typeof a) => peers?.length === 1 && peers[0]!.connected;
      return ok(a) && ok(b) ? { a: a![0]!, b: b![0]! } : undefined;
    }, what);
  }

  it("keep one connection per pair, and reconnect when it closes", async () => {
    h = await startHarness(kind, { validators: 2, blockTimeMs: 150, run: 0 });
    // A reaches B through a proxy (B's port is known only once B runs); B dials A directly.
    toB = await startTcpProxy(1);
    const a = await h.start(0, { peers: [toB.p2pUrl] });
    const b = await h.start(1, { peers: [a.p2pUrl] });
    toB.retarget(b.port);

    const first = await linkedOnce("one connection between A and B");
    expect(first.a.url).toBe(toB.p2pUrl);
    expect(first.b.url).toBe(a.p2pUrl);
    // Both ends kept the same connection: outbound on one side is inbound on the other.
    expect(first.a.direction).not.toBe(first.b.direction);
    // And it stays that way: no redial loop behind it.
    await new Promise((r) => setTimeout(r, 1500));
    const link = (x: typeof first) => [x.a.url, x.a.direction, x.b.url, x.b.direction];
    expect(link(await linkedOnce("still one connection"))).toEqual(link(first));

    if (first.a.direction === "outbound") {
      // A's dial was kept. Cut it: A cannot redial (the proxy is down), so only B's parked dial
      // can bring the pair back.
      await toB.cut();
      const again = await linkedOnce("B to dial A again");
      expect(again.a.direction).toBe("inbound");
    } else {
      // B's dial was kept. Restart B without peers on a new port: only A's parked dial, through
      // the proxy, can bring the pair back.
      await h.stop(1);
      const restarted = await h.start(1, { peers: [] });
      toB.retarget(restarted.port);
      const again = await until(async () => {
        const s = await h!.client(0).node.getSyncStatus();
        return s.peers.length === 1 && s.peers[0]!.connected ? s.peers[0] : undefined;
      }, "A to dial the restarted B");
      expect(again.direction).toBe("outbound");
    }
  });
});
