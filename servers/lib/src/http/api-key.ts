import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Request } from "express";

/** The caller's key: the X-API-Key header, or `api_key` in the query (browsers cannot set WS headers). */
export function readApiKey(req: Pick<Request, "headers" | "url">): string | undefined {
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && header) return header;
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
