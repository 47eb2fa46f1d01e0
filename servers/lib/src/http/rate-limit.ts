// Token buckets in two places. Before authentication every request is charged to its client IP:
// an unverified key says nothing about who is calling (a fresh random key per request would get
// a fresh bucket each time). After authentication the verified caller is charged too, so one
// account spread over many addresses is still held to its own rate. Both maps are bounded: the
// least recently seen bucket goes first.
import type { Request, RequestHandler } from "express";
import { RateLimited } from "../errors.js";
import { clientAddressKey } from "./client-address.js";

export interface RateLimitOptions {
  /** Sustained requests per second per verified caller. */
  perSecond: number;
  /** Burst size per verified caller. */
  burst: number;
  /**
   * Per client IP, charged before authentication; default ten times the per-caller numbers,
   * since many callers may share an address (a NAT, or a coordinator locking every customer's
   * escrow at the wallet).
   */
  perIp?: { perSecond: number; burst: number };
  /** Most buckets kept per map (default 10,000); the least recently used goes first. */
  maxEntries?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export const DEFAULT_RATE_LIMIT_ENTRIES = 10_000;
const PER_IP_FACTOR = 10;

/** One bounded map of token buckets. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxEntries = DEFAULT_RATE_LIMIT_ENTRIES,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `key`: 0 if there was one, else the seconds until there is. */
  wait(key: string, now = Date.now()): number {
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: this.burst, updated: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + (Math.max(0, now - bucket.updated) / 1000) * this.perSecond,
    );
    bucket.updated = now;
    // Re-inserting moves the key to the end, so the map's first key is the least recently used.
    if (found) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxEntries) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    return 0;
  }

  /** Takes one token for `key`, or throws 429 rate_limited with the seconds to wait. */
  take(key: string, now = Date.now()): void {
    const seconds = this.wait(key, now);
    if (seconds > 0) throw new RateLimited(seconds);
  }
}

export interface RateLimiter {
  /** Charges the request's client IP (before authentication). */
  byIp: TokenBuckets;
  /** Charges a verified caller (after authentication). */
  byCaller: TokenBuckets;
}

const LIMITER = Symbol.for("aitbc.rateLimiter");

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const perIp = options.perIp ?? {
    perSecond: options.perSecond * PER_IP_FACTOR,
    burst: options.burst * PER_IP_FACTOR,
  };
  return {
    byIp: new TokenBuckets(perIp.perSecond, perIp.burst, options.maxEntries),
    byCaller: new TokenBuckets(options.perSecond, options.burst, options.maxEntries),
  };
}

/** The IP limit as middleware; it also leaves the limiter where `chargeCaller` finds it. */
export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (req, _res, next) => {
    (req as Request & { [LIMITER]?: RateLimiter })[LIMITER] = limiter;
    limiter.byIp.take(`ip:${clientAddressKey(req.ip ?? req.socket.remoteAddress ?? "unknown")}`);
    next();
  };
}

/**
 * Charges the caller an authenticator has just verified (an account id, or the admin key).
 * Throws 429 when over its limit; does nothing on an app without a rate limit.
 */
export function chargeCaller(req: Request, identity: string): void {
  (req as Request & { [LIMITER]?: RateLimiter })[LIMITER]?.byCaller.take(identity);
}
