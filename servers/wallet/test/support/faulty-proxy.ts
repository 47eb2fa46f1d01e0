// An HTTP proxy on port 0 in front of a real server, for tests that need the network to misbehave
// where a real deployment's would: a request reaches the server and does its work, but the answer
// never reaches the caller. The target can move (a restarted child process on a new port) while
// callers keep the proxy's URL.
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface FaultyProxy {
  url: string;
  /** Where requests go from now on. */
  retarget(url: string): void;
  /** Requests matching this are forwarded, but their answer is dropped (the socket is destroyed). */
  loseAnswers(match: ((req: IncomingMessage) => boolean) | undefined): void;
  /** Requests matching this never reach the target: the connection is cut at once. */
  cutRequests(match: ((req: IncomingMessage) => boolean) | undefined): void;
  /** How many answers were dropped so far. */
  readonly lost: number;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  let target = new URL(targetUrl);
  let lose: ((req: IncomingMessage) => boolean) | undefined;
  let cut: ((req: IncomingMessage) => boolean) | undefined;
  let lost = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (cut?.(req)) {
      req.socket.destroy();
      return;
    }
    const dropAnswer = lose?.(req) ?? false;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (dropAnswer) {
          lost++;
          answer.resume();
          answer.on("end", () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => req.socket.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    retarget(url) {
      target = new URL(url);
    },
    loseAnswers(match) {
      lose = match;
    },
    cutRequests(match) {
      cut = match;
    },
    get lost() {
      return lost;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
