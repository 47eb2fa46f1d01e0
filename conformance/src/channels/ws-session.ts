// One WebSocket connection, recorded: whether it opened, every text message, and how it closed.
// It ends when the server closes, when enough messages arrived, or at the deadline (then the
// client closes with 1000); the deadline only bounds how long to listen, it is never a verdict.
import WebSocket from "ws";

export interface WsRecording {
  opened: boolean;
  messages: string[];
  /** How the server closed; undefined when the client closed first. */
  serverClose: { code: number; reason: string } | undefined;
  /** The client stopped listening at the deadline. */
  timedOut: boolean;
  /** A connection error (refused upgrade, network). */
  error: string | undefined;
}

export interface WsSessionOptions {
  headers?: Record<string, string>;
  /** Stop after this many messages (default: listen until the server closes). */
  maxMessages?: number;
  timeoutMs: number;
}

export function wsUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

export function recordWs(url: string, options: WsSessionOptions): Promise<WsRecording> {
  return new Promise((resolve) => {
    const rec: WsRecording = {
      opened: false,
      messages: [],
      serverClose: undefined,
      timedOut: false,
      error: undefined,
    };
    const socket = new WebSocket(url, { headers: options.headers ?? {} });
    let clientClosed = false;
    const stop = () => {
      clientClosed = true;
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
        socket.close(1000);
    };
    const timer = setTimeout(() => {
      rec.timedOut = true;
      stop();
      // A server that ignores the close handshake must not keep the check waiting.
      setTimeout(() => socket.terminate(), 2_000).unref();
    }, options.timeoutMs);
    socket.on("open", () => (rec.opened = true));
    socket.on("message", (data, isBinary) => {
      rec.messages.push(isBinary ? "<binary>" : data.toString());
      if (options.maxMessages !== undefined && rec.messages.length >= options.maxMessages) stop();
    });
    socket.on("unexpected-response", (_req, res) => {
      rec.error = `the upgrade was refused with HTTP ${res.statusCode}`;
      res.resume();
      socket.terminate();
    });
    socket.on("error", (err) => (rec.error ??= err.message));
    socket.on("close", (code, reason) => {
      clearTimeout(timer);
      if (!clientClosed) rec.serverClose = { code, reason: reason.toString() };
      resolve(rec);
    });
  });
}
