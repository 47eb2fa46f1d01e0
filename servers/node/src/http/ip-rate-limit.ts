// A token bucket per client IP address in front of every HTTP route. Keyed by the socket's
// address, never by anything the client sends (an API key or a header costs nothing to change),
// and an IPv6 client by its /64, the block one subscriber usually gets. The buckets live in a
// map of bounded size: when it is full the least recently seen client is forgotten (and starts
// again with a full bucket), so a flood of source addresses costs memory only up to the bound.
import type { RequestHandler } from "express";
import { isIPv6 } from "node:net";
import { RateLimited } from "@aitbc/server-lib";

export interface IpRateLimitOptions {
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Requests a client may send at once after being idle. */
  burst: number;
  /** Most clients remembered (default 10,000). */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** The IPv6 /64 of an address (IPv4 and IPv4-mapped addresses stay whole). */
function clientKey(ip: string): string {
  if (ip.startsWith("::ffff:") && ip.includes(".")) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":");
}

export class IpRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(private readonly options: IpRateLimitOptions) {
    this.maxClients = options.maxClients ?? 10_000;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `ip`: 0 if there was one, else the seconds until there is. */
  take(ip: string, now = Date.now()): number {
    const key = clientKey(ip);
    const { perSecond, burst } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updated: now };
    bucket.tokens = Math.min(
      burst,
      bucket.tokens + (Math.max(0, now - bucket.updated) / 1000) * perSecond,
    );
    bucket.updated = now;
    // Re-inserting keeps the map in least-recently-seen order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    bucket.tokens -= 1;
    return 0;
  }
}

/** Over the limit: 429 `rate_limited` with Retry-After (through the problem handler). */
export function ipRateLimit(options: IpRateLimitOptions): RequestHandler {
  const limiter = new IpRateLimiter(options);
  return (req, _res, next) => {
    const wait = limiter.take(req.socket.remoteAddress ?? "unknown");
    next(wait > 0 ? new RateLimited(wait) : undefined);
  };
}
