// Idempotency-Key for transaction submissions, kept in memory. A submission's body is the signed
// transaction, so its hash fingerprints the body exactly, and a retried submission can never
// move money twice anyway (the nonce sees to that): what the key adds is that a retry gets the
// first answer (202) instead of `nonce_reused` once the transaction is in a block. Storing the key
// in the database cost three quarters of the node's submission throughput (two writes per
// submission, queued behind block commits), so keys live here for an hour, up to a bound, and
// are forgotten on restart (documented in spec/openapi/node.yaml). Keys are per sender: a key is
// a client's own name for its submission, and one sender must not be able to claim (and so block,
// or answer for) the key another sender's client picks.
import { Conflict } from "@aitbc/server-lib";

interface Entry<Body> {
  txHash: string;
  body: Body;
  at: number;
}

export class SubmitIdempotency<Body> {
  private readonly entries = new Map<string, Entry<Body>>();

  constructor(
    private readonly ttlMs = 3_600_000,
    private readonly maxEntries = 100_000,
  ) {}

  /** The first answer for this sender's key, or undefined if the key is new. */
  replay(key: string | undefined, sender: string, txHash: string): Body | undefined {
    if (!key) return undefined;
    const id = `${sender} ${key}`;
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (Date.now() - e.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    if (e.txHash !== txHash)
      throw new Conflict(
        "idempotency_key_reused",
        "This Idempotency-Key was already used with a different transaction. Use a new key.",
      );
    return e.body;
  }

  remember(key: string | undefined, sender: string, txHash: string, body: Body): void {
    if (!key) return;
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(`${sender} ${key}`, { txHash, body, at: Date.now() });
  }
}
