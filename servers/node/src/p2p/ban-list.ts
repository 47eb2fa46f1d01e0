// Remote addresses whose peers were dropped, each refused for a back-off that doubles with every
// further drop (so a peer reconnecting at once to misbehave again gets nowhere). An address is
// forgotten once it has been clean for the longest back-off, and the list holds at most
// MAX_ENTRIES addresses (the oldest ban goes first), so it cannot be grown without bound.

const MAX_ENTRIES = 10_000;

interface Entry {
  strikes: number;
  until: number;
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same peer. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.");
}

export class BanList {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Bans `address` for its next back-off and returns it in ms. */
  strike(address: string): number {
    const t = this.now();
    const e = this.live(address, t);
    const strikes = (e?.strikes ?? 0) + 1;
    const ms = Math.min(this.baseMs * 2 ** Math.min(strikes - 1, 40), this.maxMs);
    this.entries.delete(address);
    this.entries.set(address, { strikes, until: t + ms });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return ms;
  }

  /** Milliseconds until `address` may connect again (0: it may now). */
  bannedFor(address: string): number {
    const t = this.now();
    const e = this.live(address, t);
    return e ? Math.max(0, e.until - t) : 0;
  }

  private live(address: string, t: number): Entry | undefined {
    const e = this.entries.get(address);
    if (e && t > e.until + this.maxMs) {
      this.entries.delete(address);
      return undefined;
    }
    return e;
  }
}
