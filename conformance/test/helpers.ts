// Shared by the conformance tests: a reporter that records instead of printing, the fixture
// document, and a tiny real HTTP server that answers as a test tells it to.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Reporter } from "../src/report/reporter.js";
import type { LoadedDocument, OpenApiDocument } from "../src/spec/documents.js";

export const FIXTURE_FILE = fileURLToPath(
  new URL("./fixtures/widgets.openapi.json", import.meta.url),
);

export function widgetsDocument(mutate?: (doc: OpenApiDocument) => void): LoadedDocument {
  const doc = JSON.parse(readFileSync(FIXTURE_FILE, "utf8")) as OpenApiDocument;
  mutate?.(doc);
  return { name: "widgets", file: FIXTURE_FILE, doc };
}

/** The parts of an operation the tests change, typed loosely enough to break them. */
export interface EditableOperation {
  operationId?: string;
  summary?: string;
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown; example?: unknown }> }
  >;
}

export function operationOf(doc: OpenApiDocument, path: string, method: string): EditableOperation {
  return (doc.paths![path] as Record<string, EditableOperation>)[method]!;
}

export function quietReporter(): Reporter {
  return new Reporter(() => undefined);
}

export function failures(reporter: Reporter): string[] {
  return reporter.results
    .filter((r) => r.outcome === "FAIL")
    .map((r) => `${r.subject} → ${r.detail}`);
}

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export async function startServer(
  handler: Handler,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = "application/json",
): void {
  res.writeHead(status, { "content-type": type });
  res.end(JSON.stringify(body));
}

export const PROBLEM_400 = {
  type: "about:blank",
  title: "Bad request",
  status: 400,
  code: "validation_failed",
};
