// Catching up with a heavier peer. Find the highest block both chains share (probing the peer's
// blocks at heights further and further back), download everything after it in small ranges,
// and hand it to the chain: an extension is applied batch by batch, a fork is compared as a
// whole by fork choice. A peer's claimed head is only a reason to ask: every block is checked
// as it arrives (the first bad one drops the peer), a request left unanswered drops it, and so
// does a sync that ends without blocks as heavy as the peer claimed.
import type { Logger } from "@aitbc/server-lib";
import type { SignedBlock } from "@aitbc/sdk";
import { BlockRejected } from "../domain/chain/block-rejected.js";
import type { AdoptResult, Chain } from "../domain/chain/chain.js";
import { checkBlockHeader } from "../domain/chain/execute-block.js";
import { blockScore } from "../domain/chain/schedule.js";
import type { P2pLimits } from "./p2p-limits.js";
import { RequestTimedOut, type Peer, type PeerHead } from "./peer.js";

/** Blocks per `get_blocks`: small, so a bad block is found before much is downloaded. */
export const SYNC_BATCH = 64;
/** A fork longer than this is not followed (a guard against a peer feeding us forever). */
const MAX_FORK_BLOCKS = 20_000;

/** The peer's blocks do not back what it claimed (its head's weight, or a block below it). */
export class ClaimUnproven extends Error {}

export class Syncer {
  private running = false;
  private lastProgressAt = 0;
  private readonly wanted = new Set<Peer>();

  constructor(
    private readonly chain: Chain,
    private readonly logger: Logger,
    private readonly onPeerFault: (peer: Peer, reason: string) => void,
    private readonly limits: Pick<P2pLimits, "syncRequestTimeoutMs" | "syncStallMs">,
  ) {}

  get syncing(): boolean {
    return this.running;
  }

  /**
   * True while a sync runs and has started, or delivered a new checked block, within
   * `syncStallMs`: a validator waits for such a sync, but not for one that stalls.
   */
  get holding(): boolean {
    return this.running && Date.now() - this.lastProgressAt < this.limits.syncStallMs;
  }

  /** True when the peer reports a chain fork choice prefers over ours. */
  isBetter(peer: Peer): boolean {
    const h = peer.head;
    const ours = this.chain.head;
    if (!h || h.hash === ours.hash) return false;
    return h.weight > ours.weight || (h.weight === ours.weight && h.hash < ours.hash);
  }

  /** Asks to sync from `peer` if it is ahead; runs one sync at a time. */
  consider(peer: Peer): void {
    if (!this.isBetter(peer)) return;
    this.wanted.add(peer);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.wanted.size > 0) {
        const peer = [...this.wanted].sort(
          (a, b) => (b.head?.weight ?? 0) - (a.head?.weight ?? 0),
        )[0]!;
        this.wanted.delete(peer);
        for (let attempt = 0; attempt < 3 && peer.ready && this.isBetter(peer); attempt++) {
          try {
            // Only a sync that moved our head is worth repeating (the peer may have moved on).
            if ((await this.syncWith(peer, { ...peer.head! })) !== "added") break;
          } catch (err) {
            const reason = faultOf(err, this.limits.syncRequestTimeoutMs);
            if (reason) this.onPeerFault(peer, reason);
            else this.logger.warn({ err, peer: peer.id }, "sync attempt failed");
            break;
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async syncWith(peer: Peer, claim: PeerHead): Promise<AdoptResult> {
    this.lastProgressAt = Date.now();
    let anchor = await this.findAncestor(peer, claim);
    const n = this.chain.env.validators.length;
    const base = await this.chain.infoAt(anchor);
    if (!base) throw new Error(`no block at ${anchor}`);
    // The weight of the peer's chain as far as it has shown it to us.
    let shown = base.weight;
    let prevHash = base.hash;
    let result: AdoptResult = "known";
    let from = anchor + 1;
    const fork: SignedBlock[] = [];
    for (;;) {
      const batch = await this.request(peer, from, SYNC_BATCH);
      // An extension is executed (and so checked) block by block by the chain; a fork waits
      // for fork choice, so its signatures are checked now, before the next range is asked for.
      const extending = fork.length === 0 && anchor === this.chain.head.height;
      if (!extending) for (const b of batch) checkBlockHeader(b, this.chain.env);
      checkLinked(batch, from, prevHash);
      if (batch.length > 0) {
        const last = batch[batch.length - 1]!;
        const isNew = (await this.chain.hashAt(last.header.height)) !== last.hash;
        if (extending) {
          result = await this.chain.adopt(anchor, batch);
          anchor = this.chain.head.height;
        } else {
          fork.push(...batch);
          if (fork.length > MAX_FORK_BLOCKS) throw new Error("fork too long to follow");
        }
        if (isNew) this.lastProgressAt = Date.now();
        for (const b of batch) shown += blockScore(n, b.header.round);
        prevHash = last.hash;
        from += batch.length;
      }
      // An answer may be short because of its size limit; stop at the peer's head or at nothing.
      if (batch.length === 0 || from > Math.max(claim.height, peer.head?.height ?? 0)) break;
    }
    if (fork.length > 0) {
      result = await this.chain.adopt(anchor, fork);
      // Only a switch to another branch is news; following a peer's branch we already prefer is routine.
      const level = result === "added" ? "info" : "debug";
      this.logger[level]({ peer: peer.id, anchor, blocks: fork.length, result }, "fork resolved");
    }
    // An honest node's head only gets heavier, so its blocks weigh at least what it claimed.
    if (shown < claim.weight)
      throw new ClaimUnproven(`claimed weight ${claim.weight} but its blocks weigh ${shown}`);
    peer.prove(from - 1);
    return result;
  }

  private request(peer: Peer, from: number, count: number): Promise<SignedBlock[]> {
    return peer.requestBlocks(from, count, this.limits.syncRequestTimeoutMs);
  }

  /** The highest height at which the peer's block equals ours (0, the genesis, always does). */
  private async findAncestor(peer: Peer, claim: PeerHead): Promise<number> {
    const top = Math.min(this.chain.head.height, claim.height);
    for (let back = 0; ; back = back === 0 ? 8 : back * 8) {
      const h = top - back;
      if (h <= 0) return 0;
      const [theirs] = await this.request(peer, h, 1);
      if (!theirs) throw new ClaimUnproven(`claimed height ${claim.height} but has no block ${h}`);
      checkLinked([theirs], h, undefined);
      checkBlockHeader(theirs, this.chain.env);
      if (theirs.hash === (await this.chain.hashAt(h))) return h;
    }
  }
}

/** Heights `from`, `from + 1`…, each block the parent of the next, the first a child of `prevHash`. */
function checkLinked(blocks: SignedBlock[], from: number, prevHash: string | undefined): void {
  blocks.forEach((b, i) => {
    if (b.header.height !== from + i)
      throw new BlockRejected("malformed", "blocks answer is not the requested range");
    if (i > 0 && b.header.prev_hash !== blocks[i - 1]!.hash)
      throw new BlockRejected("malformed", "blocks answer is not a chain");
    // Across answers the peer's chain may have reorganised in between: not a fault, start over.
    if (i === 0 && prevHash !== undefined && b.header.prev_hash !== prevHash)
      throw new BlockRejected("unknown_parent", "the peer's chain changed during the sync");
  });
}

/** Why a failed sync is the peer's fault, or undefined when it may not be. */
function faultOf(err: unknown, timeoutMs: number): string | undefined {
  if (err instanceof BlockRejected && err.peerFault) return `invalid block: ${err.reason}`;
  if (err instanceof RequestTimedOut) return `did not answer get_blocks within ${timeoutMs} ms`;
  if (err instanceof ClaimUnproven) return `unproven head: ${err.message}`;
  return undefined;
}
