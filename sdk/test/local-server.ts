// A real HTTP server on port 0 for the SDK's tests. Each test scripts its answers and reads back
// what arrived (method, path, headers, body), so behaviour is checked on the wire.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = (req: Received, res: ServerResponse) => void;

export interface LocalServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startLocalServer(answers: Answer[] | Answer): Promise<LocalServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const r: Received = { method: req.method!, url: req.url!, headers: req.headers, body };
      received.push(r);
      const answer = Array.isArray(answers)
        ? answers[Math.min(received.length, answers.length) - 1]!
        : answers;
      answer(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function reply(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Answer {
  return (_req, res) => {
    const isProblem = status >= 400 && body !== undefined && typeof body === "object";
    res.writeHead(status, {
      ...(body === undefined
        ? {}
        : { "content-type": isProblem ? "application/problem+json" : "application/json" }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
}

/** Closes the connection without any response, like a crashed server. */
export const hangUp: Answer = (_req, res) => {
  res.socket?.destroy();
};

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: `https://aitbc.dev/problems/${code}`, title: code, status, code, ...extra };
}
