import type { RequestHandler } from "express";
import { RateLimited } from "../errors.js";
import { readApiKey } from "./api-key.js";

export interface RateLimitOptions {
  /** Sustained requests per second per key (or per IP without a key). */
  perSecond: number;
  /** Burst size. */
  burst: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** A token bucket per API key. Over the limit: 429 rate_limited with Retry-After. */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const buckets = new Map<string, Bucket>();
  let lastSweep = Date.now();
  return (req, _res, next) => {
    const now = Date.now();
    if (now - lastSweep > 60_000) {
      for (const [k, b] of buckets) if (now - b.updated > 60_000) buckets.delete(k);
      lastSweep = now;
    }
    const key = readApiKey(req) ?? `ip:${req.ip}`;
    const bucket = buckets.get(key) ?? { tokens: options.burst, updated: now };
    bucket.tokens = Math.min(
      options.burst,
      bucket.tokens + ((now - bucket.updated) / 1000) * options.perSecond,
    );
    bucket.updated = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      next(new RateLimited(Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond))));
      return;
    }
    bucket.tokens -= 1;
    next();
  };
}
