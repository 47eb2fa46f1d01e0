// /api/v1/ws: new heads and new transactions for clients (explorer, wallets), as described in
// spec/asyncapi/p2p.yaml. Query: `topics=heads,txs` (default both), `address=aitbc…` (only
// transactions that address signed or received). A client that does not read what it is sent is
// dropped (ClientFeedLimits), so one slow reader cannot make the node hold an ever-growing buffer.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { P2pMessages, SignedTx } from "@aitbc/sdk";
import { WebSocketServer, type WebSocket } from "ws";
import type { ChainEnv } from "../domain/chain/chain-env.js";
import type { TxEffects } from "../domain/ledger/apply-tx.js";
import type { ChainNode } from "../domain/node/chain-node.js";
import { txSummary } from "../domain/node/tx-summary.js";
import { blockSummaryFromBlock } from "../http/views/block-view.js";

interface Subscriber {
  socket: WebSocket;
  heads: boolean;
  txs: boolean;
  address: string | undefined;
  /** When its unread bytes first went over the limit (undefined: they are under it). */
  overSince: number | undefined;
}

export interface ClientFeedLimits {
  /** Bytes sent to a client that it has not read yet… */
  maxUnreadBytes: number;
  /** …for longer than this, and it is dropped (close 1008, then cut off). */
  slowForMs: number;
}

export const DEFAULT_CLIENT_FEED_LIMITS: ClientFeedLimits = {
  maxUnreadBytes: 4 * 1024 * 1024,
  slowForMs: 5000,
};

function involves(tx: SignedTx, fx: TxEffects, address: string): boolean {
  return tx.from === address || fx.to === address || fx.refund_to === address;
}

export class ClientFeed {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly subscribers = new Set<Subscriber>();
  private readonly offs: Array<() => void> = [];
  private readonly limits: ClientFeedLimits;
  private readonly sweeper: NodeJS.Timeout;

  constructor(node: ChainNode, env: ChainEnv, limits: Partial<ClientFeedLimits> = {}) {
    this.limits = { ...DEFAULT_CLIENT_FEED_LIMITS, ...limits };
    // Also between events: a client must not stay connected for long over the limit.
    this.sweeper = setInterval(
      () => {
        for (const s of this.subscribers) this.keepsUp(s);
      },
      Math.max(50, Math.min(1000, this.limits.slowForMs / 2)),
    );
    this.sweeper.unref();
    this.offs.push(
      node.onTxAccepted((entries) => {
        if (!this.anyWantsTxs()) return;
        for (const e of entries)
          this.publishTx(e.tx, txSummary(e.tx, node.chain.state), {
            type: "tx",
            tx_hash: e.hash,
            status: "pending",
            block_height: null,
            tx: e.tx,
          });
      }),
      node.onHead((change) => {
        for (const e of change.added) {
          const head: P2pMessages.NewHeadEvent = {
            type: "head",
            block: blockSummaryFromBlock(env, e.block),
            tx_hashes: e.txHashes,
          };
          this.publish((s) => s.heads, JSON.stringify(head));
          if (!this.anyWantsTxs()) continue;
          e.block.transactions.forEach((tx, i) =>
            this.publishTx(tx, e.effects[i]!, {
              type: "tx",
              tx_hash: e.txHashes[i]!,
              status: "confirmed",
              block_height: e.info.height,
              tx,
            }),
          );
        }
      }),
    );
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://node");
    const topics = (url.searchParams.get("topics") ?? "heads,txs").split(",");
    const address = url.searchParams.get("address") ?? undefined;
    if (
      topics.some((t) => t !== "heads" && t !== "txs") ||
      (address !== undefined && !/^aitbc[0-9a-f]{40}$/.test(address))
    ) {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const sub: Subscriber = {
        socket: ws,
        heads: topics.includes("heads"),
        txs: topics.includes("txs"),
        address,
        overSince: undefined,
      };
      this.subscribers.add(sub);
      ws.on("close", () => this.subscribers.delete(sub));
      ws.on("error", () => undefined);
      // Clients send nothing; anything they do send is ignored.
    });
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const off of this.offs) off();
    for (const s of this.subscribers) s.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private anyWantsTxs(): boolean {
    for (const s of this.subscribers) if (s.txs) return true;
    return false;
  }

  private publishTx(tx: SignedTx, fx: TxEffects, event: P2pMessages.NewTransactionEvent): void {
    const text = JSON.stringify(event);
    this.publish((s) => s.txs && (!s.address || involves(tx, fx, s.address)), text);
  }

  private publish(wants: (s: Subscriber) => boolean, text: string): void {
    for (const s of this.subscribers)
      if (wants(s) && s.socket.readyState === s.socket.OPEN && this.keepsUp(s)) s.socket.send(text);
  }

  /** False, and the client dropped, once it has left too much unread for too long. */
  private keepsUp(s: Subscriber): boolean {
    if (s.socket.bufferedAmount <= this.limits.maxUnreadBytes) {
      s.overSince = undefined;
      return true;
    }
    const now = Date.now();
    s.overSince ??= now;
    if (now - s.overSince < this.limits.slowForMs) return true;
    this.subscribers.delete(s);
    s.socket.close(1008, "too slow: events left unread");
    // It is not reading, so it will not read the close frame either.
    setTimeout(() => s.socket.terminate(), 1000).unref();
    return false;
  }
}
