// The client feed (/api/v1/ws) drops a client that leaves more than maxUnreadBytes of events
// unread for longer than slowForMs, so a reader that stopped reading cannot make the node buffer
// every event for it; a client that reads keeps everything. Limits lowered to reach them quickly.
// Loopback socket buffers hold megabytes before the node sees anything unread, so this takes
// ~10,000 transactions and ~45 s on a busy machine: it runs with `npm run test:slow-reader`
// (AITBC_LONG_TESTS=1), not in the normal test run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { fromBase64Url } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { fastSigner } from "./support/fast-sign.js";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { helloed } from "./support/raw-peer.js";

const MAX_UNREAD_BYTES = 1024 * 1024;
const SLOW_FOR_MS = 1000;
const BATCH = 500;
// ~450 bytes per event, each transaction twice (pending, confirmed): ~9 MB, far more than the
// loopback socket buffers hold for a client that does not read.
const TXS = 10_000;

interface TcpSocket {
  pause(): void;
  resume(): void;
}
const tcp = (ws: WebSocket) => (ws as unknown as { _socket: TcpSocket })._socket;

function subscribe(url: string) {
  const ws = new WebSocket(`${url}?topics=txs`);
  const client = { ws, events: 0, closed: undefined as number | undefined };
  ws.on("message", () => client.events++);
  ws.on("close", (code) => (client.closed = code));
  ws.on("error", () => undefined);
  return new Promise<typeof client>((resolve, reject) =>
    ws.once("open", () => resolve(client)).once("error", reject),
  );
}

// The feed keeps nothing in the database: one database kind is enough.
const kind = testDatabaseKinds()[0]!;

describe.skipIf(process.env.AITBC_LONG_TESTS !== "1")(`client feed limits (${kind})`, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, blockTimeMs: 100, run: 0 });
    await h.start(0, {
      peers: [],
      clientFeedLimits: { maxUnreadBytes: MAX_UNREAD_BYTES, slowForMs: SLOW_FOR_MS },
    });
  });
  afterAll(() => h?.close());

  it("drops a subscriber that stops reading, and keeps one that reads", async () => {
    const node = h.nodes[0]!;
    const slow = await subscribe(node.wsUrl);
    tcp(slow.ws).pause();
    const steady = await subscribe(node.wsUrl);

    const sign = fastSigner(fromBase64Url(h.dev.validators[0]!.secret_key), node.chainId);
    const to = "aitbc" + "7".repeat(40);
    const frames = [];
    for (let i = 0; i < TXS; i += BATCH)
      frames.push({
        type: "txs",
        txs: Array.from({ length: BATCH }, (_, j) => sign("faucet", i + j, { to, amount: "1" })),
      });
    const feeder = await helloed(h);
    // One batch at a time, once the reading client has read the last one's pending events: the
    // node and this test share one event loop, so a burst of everything at once would leave even
    // the reading client behind while the node works through it.
    for (const [i, f] of frames.entries()) {
      feeder.send(f);
      await until(
        () => steady.events >= (i + 1) * BATCH || steady.closed !== undefined,
        `the reading client to read batch ${i}`,
        30_000,
      );
    }
    await until(
      () => steady.events >= 2 * TXS || steady.closed !== undefined,
      "the reading client to see every event",
      30_000,
    );
    expect(steady.closed).toBeUndefined();

    // Give the node time to notice, then let the slow client read what reached it.
    await new Promise((r) => setTimeout(r, SLOW_FOR_MS + 1500));
    tcp(slow.ws).resume();
    await until(() => slow.closed !== undefined, "the slow client to be cut off", 10_000);
    expect([1006, 1008]).toContain(slow.closed);
    expect(slow.events).toBeLessThan(2 * TXS);
  }, 90_000);
});
