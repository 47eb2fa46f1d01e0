// Keeps the terminal readable when a service logs the same message over and over (for example
// once per block): a message is shown again only after a quiet period. The log file has them all.

export class RepeatFilter {
  private readonly lastShown = new Map<string, number>();

  constructor(
    private readonly quietMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `text` from `service` should be shown now. */
  admit(service: string, text: string): boolean {
    const key = `${service}\u0000${text}`;
    const t = this.now();
    const last = this.lastShown.get(key);
    if (last !== undefined && t - last < this.quietMs) return false;
    this.lastShown.set(key, t);
    return true;
  }
}
