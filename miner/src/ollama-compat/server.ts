// An Ollama-compatible HTTP server backed by any executor (normally the llama.cpp one with the
// tiny model). It implements the part of the Ollama API the miner and the official `ollama` client
// use: /api/version, /api/tags, /api/show and /api/generate, so the Ollama executor is tested
// offline with the real client code.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Executor } from "../executors/executor.js";
import { handleGenerate } from "./generate-handler.js";
import { HttpError, readJson, requiredString, sendError, sendJson } from "./http-json.js";
import { showView, tagView } from "./model-views.js";

export const OLLAMA_COMPAT_VERSION = "0.6.4-aitbc";

export interface OllamaCompatServerOptions {
  executor: Executor;
  host?: string;
  /** 0 (default) picks a free port. Ollama's own port is 11434. */
  port?: number;
}

export interface OllamaCompatServer {
  url: string;
  port: number;
  /** Stops listening and cuts every open generation stream (like a crashing Ollama would). */
  close(): Promise<void>;
}

export async function startOllamaCompatServer(
  options: OllamaCompatServerOptions,
): Promise<OllamaCompatServer> {
  const { executor } = options;
  const shutdown = new AbortController();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    if ((method === "GET" || method === "HEAD") && path === "/") {
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(method === "HEAD" ? undefined : "Ollama is running");
      return;
    }
    if (method === "GET" && path === "/api/version") {
      return sendJson(res, 200, { version: OLLAMA_COMPAT_VERSION });
    }
    if (method === "GET" && path === "/api/tags") {
      const models = await executor.listModels();
      return sendJson(res, 200, { models: models.map(tagView) });
    }
    if (method === "POST" && path === "/api/show") {
      const body = await readJson(req);
      const name = requiredString(body.model ?? body.name, "model");
      const model = (await executor.listModels()).find((m) => m.name === name);
      if (!model) throw new HttpError(404, `model '${name}' not found`);
      return sendJson(res, 200, showView(model));
    }
    if (method === "POST" && path === "/api/generate") {
      return handleGenerate(executor, req, res, shutdown.signal);
    }
    throw new HttpError(404, "404 page not found");
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.destroyed) return;
      if (err instanceof HttpError) return sendError(res, err.status, err.message);
      sendError(res, 500, err instanceof Error ? err.message : String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      shutdown.abort(new Error("server closing"));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
