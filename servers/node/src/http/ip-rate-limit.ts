// A token bucket per client IP address in front of every HTTP route: the shared bounded buckets,
// keyed by the socket's address (an IPv6 client by its /64). When the map is full the least
// recently seen client is forgotten, so a flood of source addresses costs memory only up to the
// bound.
import type { RequestHandler } from "express";
import { RateLimited, TokenBuckets, clientAddressKey } from "@aitbc/server-lib";

export interface IpRateLimitOptions {
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Requests a client may send at once after being idle. */
  burst: number;
  /** Most clients remembered (default 10,000). */
  maxClients?: number;
}

export class IpRateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(options: IpRateLimitOptions) {
    this.buckets = new TokenBuckets(options.perSecond, options.burst, options.maxClients);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `ip`: 0 if there was one, else the seconds until there is. */
  take(ip: string, now = Date.now()): number {
    return this.buckets.wait(clientAddressKey(ip), now);
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
