// The node's P2P side: inbound connections on /p2p, outbound ones to AITBC_PEERS, the hello
// handshake, gossip of transactions and blocks, head announcements, block range serving, and
// dropping peers that send invalid data (and refusing their address for a while). Frames from
// one peer are handled in order.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "@aitbc/server-lib";
import type { SignedBlock } from "@aitbc/sdk";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { BlockRejected } from "../domain/chain/block-rejected.js";
import { checkBlockShape } from "../domain/chain/block-shape.js";
import { TxRejected, isMalformedReason } from "../domain/ledger/tx-rejected.js";
import type { ChainNode } from "../domain/node/chain-node.js";
import { BanList, isLoopback, normalizeAddress } from "./ban-list.js";
import { Dialer } from "./dialer.js";
import { InboundGate } from "./inbound-gate.js";
import { PROTOCOL_VERSION, ProtocolError, parseMessage, type P2pMessage } from "./messages.js";
import { DEFAULT_P2P_LIMITS, type P2pLimits } from "./p2p-limits.js";
import { Peer } from "./peer.js";
import { Syncer } from "./sync.js";

export { DEFAULT_P2P_LIMITS, type P2pLimits } from "./p2p-limits.js";

const STATUS_INTERVAL_MS = 5000;
const MEMPOOL_ON_CONNECT = 5000;

export interface P2pOptions {
  peers: string[];
  /** How long a validator waits for a first peer handshake before proposing alone. */
  startupGraceMs: number;
  logger: Logger;
  /** Defaults: DEFAULT_P2P_LIMITS (tests lower them to reach them quickly). */
  limits?: Partial<P2pLimits>;
}

export interface PeerInfo {
  url: string | null;
  direction: "inbound" | "outbound";
  connected: boolean;
  height: number | null;
  head_hash: string | null;
}

export class P2pNetwork {
  readonly nodeId = randomBytes(16).toString("hex");
  readonly syncer: Syncer;
  private readonly peers = new Set<Peer>();
  private readonly dialers = new Map<string, Dialer>();
  private readonly queues = new WeakMap<Peer, Promise<void>>();
  private readonly wss: WebSocketServer;
  private readonly bans: BanList;
  private readonly gate: InboundGate;
  private statusTimer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private handshaken = false;
  private readonly offs: Array<() => void> = [];
  private readonly limits: P2pLimits;

  constructor(
    private readonly node: ChainNode,
    private readonly options: P2pOptions,
  ) {
    this.limits = { ...DEFAULT_P2P_LIMITS, ...options.limits };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxFrameBytes });
    this.bans = new BanList(this.limits.banBaseMs, this.limits.banMaxMs);
    this.gate = new InboundGate(this.limits, this.bans);
    this.syncer = new Syncer(
      node.chain,
      options.logger,
      (peer, reason) => this.fault(peer, reason),
      this.limits,
    );
    this.offs.push(
      node.onTxAccepted((entries, source) => {
        for (const p of this.peers)
          if (p.ready && p.id !== source && this.reading(p))
            for (const e of entries) p.queueTx(e.tx);
      }),
      node.onBlockAccepted((block, source) => this.broadcast({ type: "block", block }, source)),
      node.onHead(() => this.broadcast(this.statusMessage())),
    );
  }

  start(): void {
    for (const url of this.options.peers) {
      const dialer = new Dialer(url, this.limits.maxFrameBytes, (socket, u, address) =>
        this.attach(socket, "outbound", u, address),
      );
      this.dialers.set(url, dialer);
      dialer.start();
    }
    this.statusTimer = setInterval(() => this.broadcast(this.statusMessage()), STATUS_INTERVAL_MS);
    this.statusTimer.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const address = normalizeAddress(req.socket.remoteAddress);
    if (!this.gate.admit(address, socket)) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, "inbound", null, address));
  }

  /**
   * Whether a validator may propose now: not before meeting a peer, and not while a sync is
   * delivering (proposing on a stale head would fork); a stalled sync does not hold it.
   */
  ready(): boolean {
    if (this.syncer.holding) return false;
    if (this.options.peers.length === 0) return true;
    return this.handshaken || Date.now() - this.startedAt > this.options.startupGraceMs;
  }

  peerInfo(): PeerInfo[] {
    const connected = [...this.peers].filter((p) => p.ready && p.open);
    // An inbound connection that serves a configured peer (our own dial to it was the twin closed).
    const served = new Map<WebSocket, string>();
    for (const d of this.dialers.values()) if (d.parkedOn) served.set(d.parkedOn, d.url);
    const out: PeerInfo[] = connected.map((p) => ({
      url: p.url ?? served.get(p.socket) ?? null,
      direction: p.direction,
      connected: true,
      height: p.head?.height ?? null,
      head_hash: p.head?.hash ?? null,
    }));
    for (const url of this.dialers.keys())
      if (!out.some((p) => p.url === url))
        out.push({ url, direction: "outbound", connected: false, height: null, head_hash: null });
    return out;
  }

  /** Our height, or a peer's if higher, as far as its blocks have shown it (claims do not count). */
  bestPeerHeight(): number {
    let best = this.node.chain.head.height;
    for (const p of this.peers) if (p.ready) best = Math.max(best, p.provenHeight);
    return best;
  }

  async close(): Promise<void> {
    clearInterval(this.statusTimer);
    for (const off of this.offs) off();
    for (const d of this.dialers.values()) d.stop();
    for (const p of this.peers) p.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private statusMessage(): P2pMessage {
    const h = this.node.chain.head;
    return { type: "status", height: h.height, head_hash: h.hash, weight: h.weight };
  }

  private attach(
    socket: WebSocket,
    direction: "inbound" | "outbound",
    url: string | null,
    address: string,
  ): void {
    const peer = new Peer(socket, direction, url, address);
    this.peers.add(peer);
    const helloTimer = setTimeout(() => {
      if (peer.open && !peer.nodeId)
        this.fault(peer, `no hello within ${this.limits.helloTimeoutMs} ms`);
    }, this.limits.helloTimeoutMs);
    helloTimer.unref();
    let queued = 0;
    socket.on("message", (data: RawData) => {
      if (++queued > this.limits.maxQueuedFrames) {
        if (queued === this.limits.maxQueuedFrames + 1)
          this.fault(
            peer,
            `sent more than ${this.limits.maxQueuedFrames} frames faster than they could be handled`,
          );
        return;
      }
      const prev = this.queues.get(peer) ?? Promise.resolve();
      const next = prev
        .then(() => this.onFrame(peer, data))
        .catch((err: unknown) => {
          this.options.logger.error({ err, peer: peer.id }, "p2p frame handling failed");
        })
        .then(() => {
          queued--;
        });
      this.queues.set(peer, next);
    });
    socket.on("close", () => {
      clearTimeout(helloTimer);
      this.peers.delete(peer);
    });
    // ws closes the socket itself (1009, 1002…) on an oversized or broken frame; the address
    // is banned like any other misbehaving peer's.
    socket.on("error", (err: Error & { code?: string }) => {
      if (err.code?.startsWith("WS_ERR_")) this.fault(peer, `broken frame: ${err.code}`);
    });
    const h = this.node.chain.head;
    peer.send({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      chain_id: this.node.env.rules.chainId,
      genesis_hash: this.node.env.genesisHash,
      node_id: this.nodeId,
      height: h.height,
      head_hash: h.hash,
      weight: h.weight,
    });
  }

  /** Drops the peer and refuses its address (or, dialled by us, its URL) for a growing while. */
  private fault(peer: Peer, reason: string): void {
    const exempt = this.limits.exemptLoopback && isLoopback(peer.address);
    const banMs = exempt ? this.limits.banBaseMs : this.bans.strike(peer.address);
    this.options.logger.warn(
      { peer: peer.id, url: peer.url, address: peer.address, reason, ban_ms: exempt ? 0 : banMs },
      "dropping peer",
    );
    if (peer.url) this.dialers.get(peer.url)?.penalize(banMs);
    peer.drop(reason);
  }

  private broadcast(message: P2pMessage, except?: string): void {
    const text = JSON.stringify(message);
    for (const p of this.peers) if (p.ready && p.id !== except && this.reading(p)) p.send(text);
  }

  /** False, and the peer dropped, when it has left too much of what we sent it unread. */
  private reading(peer: Peer): boolean {
    if (peer.socket.bufferedAmount <= this.limits.maxUnreadBytes) return true;
    this.fault(peer, `left more than ${this.limits.maxUnreadBytes} bytes we sent it unread`);
    return false;
  }

  private async onFrame(peer: Peer, data: RawData): Promise<void> {
    if (!peer.open) return;
    let msg: P2pMessage;
    try {
      msg = parseMessage(data.toString());
    } catch (err) {
      if (err instanceof ProtocolError) return this.fault(peer, err.message);
      throw err;
    }
    if (!peer.nodeId && msg.type !== "hello") return this.fault(peer, "first frame must be hello");
    switch (msg.type) {
      case "hello":
        this.onHello(peer, msg);
        return this.checkClaim(peer);
      case "status":
        peer.head = { height: msg.height, hash: msg.head_hash, weight: msg.weight };
        await this.checkClaim(peer);
        this.syncer.consider(peer);
        return;
      case "tx":
        this.onTx(peer, msg.tx);
        return;
      case "txs":
        for (const tx of msg.txs) if (!this.onTx(peer, tx)) return;
        return;
      case "block":
        return this.onBlock(peer, msg.block);
      case "get_blocks":
        return this.onGetBlocks(peer, msg.request_id, msg.from_height, msg.count);
      case "blocks":
        if (!peer.answer(msg.request_id, msg.blocks)) this.fault(peer, "unsolicited blocks");
        return;
    }
  }

  private onHello(peer: Peer, msg: Extract<P2pMessage, { type: "hello" }>): void {
    if (peer.nodeId) return this.fault(peer, "second hello");
    if (
      msg.chain_id !== this.node.env.rules.chainId ||
      msg.genesis_hash !== this.node.env.genesisHash
    )
      return this.fault(peer, "different chain or genesis");
    if (msg.node_id === this.nodeId) {
      // We dialled ourselves (our own URL in AITBC_PEERS): stop trying.
      if (peer.url) this.dialers.get(peer.url)?.stop();
      peer.socket.close(1000, "self");
      return;
    }
    if (this.keepsTwin(peer, msg.node_id)) return;
    if (peer.url) {
      const dialer = this.dialers.get(peer.url);
      if (dialer) dialer.nodeId = msg.node_id;
    } else {
      // A configured peer we cannot reach at the moment dialled us: no need to keep dialling it.
      for (const d of this.dialers.values())
        if (d.nodeId === msg.node_id && !d.parkedOn) d.parkWhile(peer.socket);
    }
    peer.nodeId = msg.node_id;
    peer.head = { height: msg.height, hash: msg.head_hash, weight: msg.weight };
    this.handshaken = true;
    for (const e of this.node.mempool.select(MEMPOOL_ON_CONNECT)) peer.queueTx(e.tx);
    this.syncer.consider(peer);
  }

  /**
   * Two nodes that list each other as peers dial each other, which leaves two connections per
   * pair and every gossip frame sent twice. One is kept: the one dialled by the node with the
   * smaller node id, which both ends work out alike. Our dialer, if it lost, parks until the kept
   * connection closes. True when `peer` (just said hello) is the one closed.
   */
  private keepsTwin(peer: Peer, nodeId: string): boolean {
    let twin: Peer | undefined;
    for (const p of this.peers)
      if (p !== peer && p.ready && p.nodeId === nodeId && p.direction !== peer.direction) twin = p;
    if (!twin) return false;
    const keepOutbound = this.nodeId < nodeId;
    const [kept, closed] =
      (peer.direction === "outbound") === keepOutbound ? [peer, twin] : [twin, peer];
    if (closed.url) this.dialers.get(closed.url)?.parkWhile(kept.socket);
    closed.socket.close(1000, "duplicate connection");
    return closed === peer;
  }

  /** A claimed head that is a block we have is proven by it. */
  private async checkClaim(peer: Peer): Promise<void> {
    const head = peer.head;
    if (head && (await this.node.chain.hashAt(head.height)) === head.hash) peer.prove(head.height);
  }

  /** False when the peer was dropped for it. */
  private onTx(peer: Peer, tx: unknown): boolean {
    try {
      this.node.acceptTx(tx as never, peer.id);
    } catch (err) {
      if (err instanceof TxRejected) {
        // A stale nonce or a spent balance is a race any honest peer can lose; a bad signature,
        // another chain or a malformed payload is not.
        if (isMalformedReason(err.reason)) {
          this.fault(peer, `invalid transaction: ${err.reason}`);
          return false;
        }
        return true;
      }
      if ((err as { status?: number }).status === 503) return true;
      throw err;
    }
    return true;
  }

  private async onBlock(peer: Peer, value: unknown): Promise<void> {
    let block: SignedBlock;
    try {
      block = checkBlockShape(value);
    } catch (err) {
      if (err instanceof BlockRejected) return this.fault(peer, `invalid block: ${err.message}`);
      throw err;
    }
    try {
      await this.node.acceptBlock(block, peer.id);
      peer.prove(block.header.height);
    } catch (err) {
      if (!(err instanceof BlockRejected)) throw err;
      if (err.peerFault) return this.fault(peer, `invalid block: ${err.reason}`);
      // Unknown parent: we are behind or on another branch; the peer's status starts a sync.
      this.syncer.consider(peer);
    }
  }

  private async onGetBlocks(peer: Peer, requestId: string, from: number, count: number) {
    if (!this.reading(peer)) return;
    const blocks = await this.node.chain.blocks(from, count);
    // The answer ends early (the asker asks again from there) before it holds more than
    // maxAnswerTxs transactions or outgrows the frame limit; one block always goes.
    const start = `{"type":"blocks","request_id":${JSON.stringify(requestId)},"blocks":[`;
    let bytes = start.length + 2;
    let txs = 0;
    const parts: string[] = [];
    for (const b of blocks) {
      const text = JSON.stringify(b);
      bytes += Buffer.byteLength(text) + 1;
      txs += b.transactions.length;
      if (parts.length > 0 && (txs > this.limits.maxAnswerTxs || bytes > this.limits.maxFrameBytes))
        break;
      parts.push(text);
    }
    peer.send(`${start}${parts.join(",")}]}`);
  }
}
