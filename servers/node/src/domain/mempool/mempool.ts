// Transactions waiting for a block, in arrival order, with the state they lead to (`pending`).
// A new transaction must apply on top of every earlier pending one, which is what lets a signer
// send nonce n, n+1, n+2 in a row. After each chain change the pool drops what the new blocks
// included, takes back what a reorg orphaned, and re-checks the rest against the new head.
// Transactions cost no fee, so each sender may have only `maxPerSender` pending: one funded
// account cannot fill the pool (and every block) on its own. The keys the genesis trusts
// (settlement, treasury, validators) are exempt: they sign for the whole marketplace.
import { Unavailable } from "@aitbc/server-lib";
import { addressFromPublicKey, type SignedTx } from "@aitbc/sdk";
import type { ChainEnv } from "../chain/chain-env.js";
import type { Candidate } from "../chain/execute-block.js";
import { applyTx } from "../ledger/apply-tx.js";
import { checkTxStateless } from "../ledger/check-tx.js";
import { StateOverlay, type StateReader } from "../ledger/state.js";
import { TxRejected, type RejectReason } from "../ledger/tx-rejected.js";
import { TooManyPending } from "./too-many-pending.js";

export const DEFAULT_MAX_PENDING_PER_SENDER = 128;

export interface MempoolEntry extends Candidate {
  receivedAt: number;
}

export interface DroppedTx {
  tx: SignedTx;
  reason: RejectReason;
  at: number;
}

export interface AddOutcome {
  /** `known`: already pending. `queued`: from a peer, waiting for an earlier nonce. */
  status: "added" | "known" | "queued";
  /** Queued transactions that now apply, in order. */
  promoted: MempoolEntry[];
}

export interface MempoolOptions {
  maxSize?: number;
  /** Most pending transactions of one sender (default 128). */
  maxPerSender?: number;
  maxQueued?: number;
  maxRemembered?: number;
}

export interface ChainView {
  readonly state: StateReader;
  readonly head: { height: number };
}

export class Mempool {
  private entries = new Map<string, MempoolEntry>();
  private pending: StateOverlay;
  /** Transactions from peers waiting for an earlier nonce: sender → nonce → entry. */
  private readonly queued = new Map<string, Map<number, MempoolEntry>>();
  private queuedCount = 0;
  private readonly dropped = new Map<string, DroppedTx>();
  private readonly maxSize: number;
  private readonly maxQueued: number;
  private readonly maxRemembered: number;
  private readonly maxPerSender: number;
  private readonly perSender = new Map<string, number>();
  private readonly exempt: ReadonlySet<string>;

  constructor(
    private readonly chain: ChainView,
    private readonly env: ChainEnv,
    options: MempoolOptions = {},
  ) {
    this.maxSize = options.maxSize ?? 50_000;
    this.maxQueued = options.maxQueued ?? 5_000;
    this.maxRemembered = options.maxRemembered ?? 10_000;
    this.maxPerSender = options.maxPerSender ?? DEFAULT_MAX_PENDING_PER_SENDER;
    const { rules } = env;
    this.exempt = new Set(
      [rules.settlementKey, rules.treasuryKey, ...rules.validatorKeys].map(addressFromPublicKey),
    );
    this.pending = new StateOverlay(chain.state);
  }

  /** How many transactions of `address` are pending. */
  pendingCount(address: string): number {
    return this.perSender.get(address) ?? 0;
  }

  private full(sender: string): boolean {
    return !this.exempt.has(sender) && this.pendingCount(sender) >= this.maxPerSender;
  }

  private admit(entry: MempoolEntry): void {
    this.entries.set(entry.hash, entry);
    this.perSender.set(entry.tx.from, this.pendingCount(entry.tx.from) + 1);
  }

  get size(): number {
    return this.entries.size;
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  get(hash: string): MempoolEntry | undefined {
    return this.entries.get(hash);
  }

  droppedInfo(hash: string): DroppedTx | undefined {
    return this.dropped.get(hash);
  }

  /** The next nonce of `address` counting pending transactions. */
  pendingNonce(address: string): number {
    return this.pending.account(address).nonce;
  }

  /** Oldest first. */
  select(max: number): MempoolEntry[] {
    const out: MempoolEntry[] = [];
    for (const e of this.entries.values()) {
      if (out.length >= max) break;
      out.push(e);
    }
    return out;
  }

  /**
   * Checks and adds a transaction. Throws TxRejected (nothing changes) or Unavailable when full.
   * A transaction from a peer with a nonce gap is held until the gap closes.
   */
  add(tx: SignedTx, hash: string, fromPeer: boolean): AddOutcome {
    if (this.entries.has(hash)) return { status: "known", promoted: [] };
    checkTxStateless(tx, this.env.rules, this.env.verified.has(hash));
    this.env.verified.add(hash);
    if (this.entries.size >= this.maxSize)
      throw new Unavailable("The mempool is full. Retry in a few seconds.", 2);
    if (this.full(tx.from))
      throw new TooManyPending(
        tx.from,
        this.maxPerSender,
        Math.max(1, Math.ceil(this.env.genesis.block_time_ms / 1000)),
      );
    const entry: MempoolEntry = { tx, hash, receivedAt: Date.now() };
    try {
      applyTx(tx, this.pending, this.env.rules, { hash, height: this.chain.head.height + 1 });
    } catch (err) {
      if (fromPeer && err instanceof TxRejected && err.reason === "nonce_gap") {
        this.queue(entry);
        return { status: "queued", promoted: [] };
      }
      throw err;
    }
    this.admit(entry);
    this.dropped.delete(hash);
    return { status: "added", promoted: this.promote(tx.from) };
  }

  /**
   * Brings the pool up to date with a new head: drops the transactions the new blocks include,
   * puts orphaned ones first (they are older), and re-checks everything against the new state.
   * Returns the transactions it had to drop.
   */
  sync(included: Iterable<string>, orphaned: readonly Candidate[]): Array<{ hash: string }> {
    const gone = new Set(included);
    const next = new Map<string, MempoolEntry>();
    const now = Date.now();
    for (const c of orphaned)
      if (!gone.has(c.hash)) next.set(c.hash, { tx: c.tx, hash: c.hash, receivedAt: now });
    for (const [hash, e] of this.entries) if (!gone.has(hash) && !next.has(hash)) next.set(hash, e);
    this.pending = new StateOverlay(this.chain.state);
    this.entries = new Map();
    this.perSender.clear();
    const droppedNow: Array<{ hash: string }> = [];
    for (const e of next.values()) {
      try {
        applyTx(e.tx, this.pending, this.env.rules, {
          hash: e.hash,
          height: this.chain.head.height + 1,
        });
        this.admit(e);
      } catch (err) {
        if (!(err instanceof TxRejected)) throw err;
        this.remember(e.hash, { tx: e.tx, reason: err.reason, at: now });
        droppedNow.push({ hash: e.hash });
      }
    }
    for (const from of [...this.queued.keys()]) this.promote(from);
    return droppedNow;
  }

  /** Drops transactions a proposal found invalid. */
  drop(hashes: Array<{ hash: string; reason: RejectReason }>): void {
    if (hashes.length === 0) return;
    const now = Date.now();
    for (const { hash, reason } of hashes) {
      const e = this.entries.get(hash);
      if (e) this.remember(hash, { tx: e.tx, reason, at: now });
    }
    this.sync(
      hashes.map((h) => h.hash),
      [],
    );
  }

  private remember(hash: string, info: DroppedTx): void {
    if (this.dropped.size >= this.maxRemembered)
      this.dropped.delete(this.dropped.keys().next().value!);
    this.dropped.set(hash, info);
  }

  private queue(entry: MempoolEntry): void {
    if (this.queuedCount >= this.maxQueued) {
      const [from, byNonce] = this.queued.entries().next().value!;
      const nonce = byNonce.keys().next().value!;
      byNonce.delete(nonce);
      if (byNonce.size === 0) this.queued.delete(from);
      this.queuedCount--;
    }
    const byNonce = this.queued.get(entry.tx.from) ?? new Map<number, MempoolEntry>();
    if (!byNonce.has(entry.tx.nonce)) this.queuedCount++;
    byNonce.set(entry.tx.nonce, entry);
    this.queued.set(entry.tx.from, byNonce);
  }

  /** Moves the sender's queued transactions whose nonce is now next into the pool. */
  private promote(from: string): MempoolEntry[] {
    const byNonce = this.queued.get(from);
    if (!byNonce) return [];
    const promoted: MempoolEntry[] = [];
    for (;;) {
      const next = this.pending.account(from).nonce;
      for (const nonce of [...byNonce.keys()])
        if (nonce < next) {
          byNonce.delete(nonce);
          this.queuedCount--;
        }
      const e = byNonce.get(next);
      if (!e || this.full(from)) break;
      byNonce.delete(next);
      this.queuedCount--;
      try {
        applyTx(e.tx, this.pending, this.env.rules, {
          hash: e.hash,
          height: this.chain.head.height + 1,
        });
        this.admit(e);
        promoted.push(e);
      } catch (err) {
        if (!(err instanceof TxRejected)) throw err;
        break;
      }
    }
    if (byNonce.size === 0) this.queued.delete(from);
    return promoted;
  }
}
