import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The caller's key on an ordinary request: the X-API-Key header only. A key in the query string
 * ends up in logs, proxies and browser history, so HTTP routes refuse it (`queryKeyGuard`).
 */
export function readApiKey(req: Pick<IncomingMessage, "headers">): string | undefined {
  const header = req.headers["x-api-key"];
  return typeof header === "string" && header ? header : undefined;
}

/**
 * The caller's key on a WebSocket upgrade: the X-API-Key header, or `api_key` in the query,
 * because a browser's WebSocket cannot send headers.
 */
export function readUpgradeApiKey(
  req: Pick<IncomingMessage, "headers" | "url">,
): string | undefined {
  const header = readApiKey(req);
  if (header) return header;
  const q = new URL(req.url ?? "/", "http://x").searchParams.get("api_key");
  return q || undefined;
}

/** Keys are high-entropy random strings, so a fast hash is enough to store them safely. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("base64url")}`;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
