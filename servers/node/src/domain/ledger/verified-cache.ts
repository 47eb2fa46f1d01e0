// Hashes of transactions whose signatures this node already checked. The hash covers the
// signature and every signed field, so a block carrying the same hash carries the same valid
// signature and need not be verified twice.
export class VerifiedCache {
  private readonly hashes = new Set<string>();
  constructor(private readonly limit = 100_000) {}

  has(hash: string): boolean {
    return this.hashes.has(hash);
  }
  add(hash: string): void {
    if (this.hashes.size >= this.limit) {
      const oldest = this.hashes.values().next().value;
      if (oldest !== undefined) this.hashes.delete(oldest);
    }
    this.hashes.add(hash);
  }
}
