// Keeps an outbound connection to one configured peer, redialling with capped backoff. A peer we
// dropped for misbehaving waits longer before we try it again. While another connection to the
// same node serves (it dialled us too, and its connection was kept), the dialer stays parked.
import { WebSocket } from "ws";
import { normalizeAddress } from "./ban-list.js";

export class Dialer {
  private stopped = false;
  private backoffMs = 200;
  private penaltyMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private socket: WebSocket | undefined;
  /** The other connection to this peer's node that was kept instead of ours. */
  private servedBy: WebSocket | undefined;
  /** The node id this URL answered with, once it has. */
  nodeId: string | undefined;

  constructor(
    readonly url: string,
    private readonly maxFrameBytes: number,
    private readonly onOpen: (socket: WebSocket, url: string, address: string) => void,
  ) {}

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.socket?.terminate();
  }

  /** The next redial waits at least this long (after a protocol violation). */
  penalize(ms: number): void {
    this.penaltyMs = ms;
  }

  /** The inbound connection that serves this peer while the dialer is parked, if any. */
  get parkedOn(): WebSocket | undefined {
    return this.servedBy;
  }

  /** Do not redial while `other` (a connection to the same node) is open; resume when it closes. */
  parkWhile(other: WebSocket): void {
    this.servedBy = other;
    clearTimeout(this.timer);
    other.once("close", () => {
      if (this.servedBy !== other) return;
      this.servedBy = undefined;
      if (this.stopped || this.socket?.readyState !== this.socket?.CLOSED) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.connect(), this.backoffMs);
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.url, {
      maxPayload: this.maxFrameBytes,
      handshakeTimeout: 5000,
    });
    this.socket = socket;
    let address = "unknown";
    socket.once("upgrade", (res) => {
      address = normalizeAddress(res.socket.remoteAddress);
    });
    socket.on("open", () => {
      this.backoffMs = 200;
      this.onOpen(socket, this.url, address);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (this.stopped || this.servedBy) return;
      const wait = Math.max(this.backoffMs, this.penaltyMs);
      this.penaltyMs = 0;
      this.backoffMs = Math.min(this.backoffMs * 2, 5000);
      this.timer = setTimeout(() => this.connect(), wait);
    });
  }
}
