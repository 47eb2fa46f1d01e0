// One P2P connection, either direction. It owns the socket, the peer's last reported head and
// the pending get_blocks requests.
import { randomBytes } from "node:crypto";
import type { SignedBlock, SignedTx } from "@aitbc/sdk";
import type { WebSocket } from "ws";
import { BlockRejected } from "../domain/chain/block-rejected.js";
import { checkBlockShape } from "../domain/chain/block-shape.js";
import { MAX_TX_BATCH, type P2pMessage } from "./messages.js";

let counter = 0;

/** A `get_blocks` the peer left unanswered. */
export class RequestTimedOut extends Error {}

export interface PeerHead {
  height: number;
  hash: string;
  weight: number;
}

export class Peer {
  readonly id = `peer-${++counter}`;
  nodeId: string | undefined;
  /** What the peer last claimed as its head: a reason to ask it for blocks, nothing more. */
  head: PeerHead | undefined;
  /** The highest height the peer has backed with blocks we checked (or already had). */
  provenHeight = 0;
  private readonly requests = new Map<
    string,
    {
      count: number;
      resolve: (b: SignedBlock[]) => void;
      reject: (e: Error) => void;
      timer: NodeJS.Timeout;
    }
  >();

  constructor(
    readonly socket: WebSocket,
    readonly direction: "inbound" | "outbound",
    readonly url: string | null,
    /** The remote IP address (without an IPv4-mapped `::ffff:` prefix). */
    readonly address: string,
  ) {
    socket.once("close", () => {
      for (const r of this.requests.values()) {
        clearTimeout(r.timer);
        r.reject(new Error("peer disconnected"));
      }
      this.requests.clear();
    });
  }

  prove(height: number): void {
    this.provenHeight = Math.max(this.provenHeight, height);
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  get ready(): boolean {
    return this.open && this.nodeId !== undefined;
  }

  private txQueue: SignedTx[] = [];

  /**
   * Queues a transaction for gossip. Everything queued in one tick leaves as one `txs` frame
   * (a `tx` frame when alone), which saves a frame and a socket write per transaction.
   */
  queueTx(tx: SignedTx): void {
    this.txQueue.push(tx);
    if (this.txQueue.length === 1) setImmediate(() => this.flushTxs());
  }

  private flushTxs(): void {
    const txs = this.txQueue;
    this.txQueue = [];
    if (txs.length === 1) this.send({ type: "tx", tx: txs[0]! });
    else
      for (let i = 0; i < txs.length; i += MAX_TX_BATCH)
        this.send({ type: "txs", txs: txs.slice(i, i + MAX_TX_BATCH) });
  }

  send(message: P2pMessage | string): void {
    if (!this.open) return;
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Closes with 1008 (policy violation): the peer sent something invalid. */
  drop(reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED) return;
    this.socket.close(1008, reason.slice(0, 120));
    // A peer that keeps the socket half-open is cut off.
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }

  requestBlocks(fromHeight: number, count: number, timeoutMs: number): Promise<SignedBlock[]> {
    const requestId = randomBytes(8).toString("hex");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(requestId);
        reject(new RequestTimedOut(`get_blocks ${fromHeight}+${count} timed out`));
      }, timeoutMs);
      this.requests.set(requestId, { count, resolve, reject, timer });
      this.send({ type: "get_blocks", request_id: requestId, from_height: fromHeight, count });
    });
  }

  /** Hands a `blocks` answer to its request; false if nobody asked (a protocol violation). */
  answer(requestId: string, blocks: unknown[]): boolean {
    const r = this.requests.get(requestId);
    if (!r) return false;
    this.requests.delete(requestId);
    clearTimeout(r.timer);
    try {
      if (blocks.length > r.count)
        throw new BlockRejected("malformed", `${blocks.length} blocks for a request of ${r.count}`);
      r.resolve(blocks.map(checkBlockShape));
    } catch (err) {
      r.reject(err as Error);
    }
    return true;
  }
}
