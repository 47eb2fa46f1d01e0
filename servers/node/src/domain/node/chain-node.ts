// The node's use cases, between the transports (HTTP, P2P) and the chain: accept transactions
// into the mempool, take blocks from peers, and tell listeners (gossip, the client feed) what
// changed. `source` is the peer a change came from, so it is not echoed back to it.
import type { SignedBlock, SignedTx } from "@aitbc/sdk";
import type { Chain, ChainChange } from "../chain/chain.js";
import type { ChainEnv } from "../chain/chain-env.js";
import type { AdoptResult } from "../chain/chain.js";
import { checkTxShape } from "../ledger/tx-shape.js";
import { txHashFast } from "../ledger/tx-hash.js";
import type { AddOutcome, Mempool, MempoolEntry } from "../mempool/mempool.js";
import { TooManyPending } from "../mempool/too-many-pending.js";
import type { ValidatorIdentity } from "./identity.js";

type TxListener = (entries: MempoolEntry[], source: string | undefined) => void;
type BlockListener = (block: SignedBlock, source: string | undefined) => void;
type HeadListener = (change: ChainChange) => void;

export class ChainNode {
  private readonly txListeners = new Set<TxListener>();
  private readonly blockListeners = new Set<BlockListener>();
  private readonly headListeners = new Set<HeadListener>();

  constructor(
    readonly chain: Chain,
    readonly mempool: Mempool,
    readonly env: ChainEnv,
    readonly identity: ValidatorIdentity | undefined,
  ) {
    chain.onChange((change) => {
      this.mempool.sync(
        change.added.flatMap((e) => e.txHashes),
        change.orphaned,
      );
      for (const l of this.headListeners) l(change);
      // Transactions of abandoned blocks are pending again: tell the peers, which may never have
      // seen them (they were gossiped only on the losing side of a partition).
      const back = change.orphaned.flatMap((c) => this.mempool.get(c.hash) ?? []);
      if (back.length > 0) this.emitTxs(back, undefined);
    });
  }

  onTxAccepted(l: TxListener): () => void {
    this.txListeners.add(l);
    return () => this.txListeners.delete(l);
  }
  onBlockAccepted(l: BlockListener): () => void {
    this.blockListeners.add(l);
    return () => this.blockListeners.delete(l);
  }
  onHead(l: HeadListener): () => void {
    this.headListeners.add(l);
    return () => this.headListeners.delete(l);
  }

  /**
   * A transaction from a client or a peer. Throws TxRejected, or TooManyPending for a client;
   * `known` means already pending, `dropped` that a peer relayed more of one sender's
   * transactions than our pool keeps (the peer did nothing wrong).
   */
  acceptTx(
    value: SignedTx,
    source?: string,
  ): { hash: string; status: "added" | "known" | "queued" | "dropped" } {
    const tx = checkTxShape(value);
    const hash = txHashFast(tx);
    let outcome: AddOutcome;
    try {
      outcome = this.mempool.add(tx, hash, source !== undefined);
    } catch (err) {
      if (source !== undefined && err instanceof TooManyPending) return { hash, status: "dropped" };
      throw err;
    }
    if (outcome.status === "added") {
      const entry = this.mempool.get(hash)!;
      this.emitTxs([entry, ...outcome.promoted], source);
    }
    return { hash, status: outcome.status };
  }

  /** A block from a peer (throws BlockRejected). */
  async acceptBlock(block: SignedBlock, source: string): Promise<AdoptResult> {
    const result = await this.chain.receive(block);
    if (result === "added") this.announceBlock(block, source);
    return result;
  }

  /** Tells peers about a block that became part of our chain. */
  announceBlock(block: SignedBlock, source?: string): void {
    for (const l of this.blockListeners) l(block, source);
  }

  private emitTxs(entries: MempoolEntry[], source: string | undefined): void {
    for (const l of this.txListeners) l(entries, source);
  }

  /** Resolves with the height of the block that includes `hash`, or undefined after `timeoutMs`. */
  waitForInclusion(hash: string, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const off = this.onHead((change) => {
        for (const e of change.added)
          if (e.txHashes.includes(hash)) {
            finish(e.info.height);
            return;
          }
      });
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      function finish(height: number | undefined) {
        clearTimeout(timer);
        off();
        resolve(height);
      }
    });
  }
}
