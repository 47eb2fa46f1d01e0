// Keeps an outbound connection to one configured peer, redialling with capped backoff. A peer we
// dropped for misbehaving waits longer before we try it again.
import { WebSocket } from "ws";

export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export class Dialer {
  private stopped = false;
  private backoffMs = 200;
  private penaltyMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private socket: WebSocket | undefined;

  constructor(
    readonly url: string,
    private readonly onOpen: (socket: WebSocket, url: string) => void,
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

  private connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(this.url, { maxPayload: MAX_FRAME_BYTES, handshakeTimeout: 5000 });
    this.socket = socket;
    socket.on("open", () => {
      this.backoffMs = 200;
      this.onOpen(socket, this.url);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (this.stopped) return;
      const wait = Math.max(this.backoffMs, this.penaltyMs);
      this.penaltyMs = 0;
      this.backoffMs = Math.min(this.backoffMs * 2, 5000);
      this.timer = setTimeout(() => this.connect(), wait);
    });
  }
}
