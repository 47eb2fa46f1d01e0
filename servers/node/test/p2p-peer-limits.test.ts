// What one peer may cost a node (P2pLimits): a peer sending frames faster than the node handles
// them, or leaving what the node sends it unread while it keeps asking, is dropped (close 1008);
// a peer keeping an honest pace is not. The limits are lowered here to reach them quickly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { startHarness, type Harness } from "./support/harness.js";
import { until } from "./support/poll.js";
import { expectDropped, helloed, nextBlock } from "./support/raw-peer.js";

const MAX_QUEUED_FRAMES = 16;
const MAX_UNREAD_BYTES = 64 * 1024;
const BLOCKS = 150;

interface TcpSocket {
  cork(): void;
  uncork(): void;
  pause(): void;
  resume(): void;
}
const tcp = (ws: WebSocket) => (ws as unknown as { _socket: TcpSocket })._socket;

describe.each(testDatabaseKinds())("P2P peer limits (%s)", (kind) => {
  let h: Harness;

  // Node 0 lets few frames queue; node 1 lets many (so only its unread limit is in play) and has
  // a chain long enough that one block range answer is larger than MAX_UNREAD_BYTES.
  beforeAll(async () => {
    h = await startHarness(kind, { validators: 1, run: 0 });
    await h.start(0, {
      validator: false,
      peers: [],
      p2pLimits: { maxQueuedFrames: MAX_QUEUED_FRAMES, maxUnreadBytes: MAX_UNREAD_BYTES },
    });
    await h.start(1, {
      validator: false,
      peers: [],
      p2pLimits: { maxQueuedFrames: 100_000, maxUnreadBytes: MAX_UNREAD_BYTES },
    });
    const feeder = await helloed(h, 1);
    let parent: { height: number; hash: string; timestamp: string } = await h
      .client(1)
      .node.getBlock({ path: { height: 0 } });
    for (let i = 0; i < BLOCKS; i++) {
      const block = nextBlock(h, parent);
      feeder.send({ type: "block", block });
      parent = { height: block.header.height, hash: block.hash, timestamp: block.header.timestamp };
    }
    await until(
      async () => {
        const b = await h.client(1).node.getLatestBlock();
        return b.height === BLOCKS ? b : undefined;
      },
      `the node to take ${BLOCKS} blocks`,
      60_000,
    );
    feeder.ws.close();
  }, 90_000);
  afterAll(() => h?.close());

  it("keeps a peer at an honest pace and drops one sending frames faster than they are handled", async () => {
    const steady = await helloed(h);
    for (let i = 0; i < 3 * MAX_QUEUED_FRAMES; i++) {
      steady.send({ type: "get_blocks", request_id: `s${i}`, from_height: 1, count: 2 });
      await until(
        () => steady.frames.find((f) => f.type === "blocks" && f.request_id === `s${i}`),
        `answer ${i}`,
      );
    }
    expect(steady.ws.readyState).toBe(WebSocket.OPEN);
    steady.ws.close();

    const flooder = await helloed(h);
    const socket = tcp(flooder.ws);
    // More frames than the limit in one write: the node reads them all before handling any.
    socket.cork();
    for (let i = 0; i < 4 * MAX_QUEUED_FRAMES; i++)
      flooder.send({ type: "status", height: 0, head_hash: h.nodes[0]!.genesisHash, weight: 0 });
    socket.uncork();
    await expectDropped(flooder, "frames faster than they could be handled");
  });

  it("drops a peer that keeps asking for blocks while leaving the answers unread", async () => {
    const reader = await helloed(h, 1);
    const socket = tcp(reader.ws);
    socket.pause();
    // Each answer is the whole chain (~BLOCKS × 450 bytes): far more of them than the loopback
    // socket buffers hold.
    for (let i = 0; i < 400; i++)
      reader.send({ type: "get_blocks", request_id: `u${i}`, from_height: 1, count: 256 });
    await until(
      async () => {
        const status = await h.client(1).node.getSyncStatus();
        return status.peers.every((p) => !p.connected) ? status : undefined;
      },
      "the node to drop the peer",
      60_000,
    );
    socket.resume();
    await expectDropped(reader, "unread");
  });
});
