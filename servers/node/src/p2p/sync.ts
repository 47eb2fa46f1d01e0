// Catching up with a heavier peer. Find the highest block both chains share (probing the peer's
// blocks at heights further and further back), download everything after it, and hand it to the
// chain: an extension is applied batch by batch, a fork is compared as a whole by fork choice.
import type { Logger } from "@aitbc/server-lib";
import type { SignedBlock } from "@aitbc/sdk";
import { BlockRejected } from "../domain/chain/block-rejected.js";
import type { AdoptResult, Chain } from "../domain/chain/chain.js";
import type { Peer } from "./peer.js";

const BATCH = 128;
const REQUEST_TIMEOUT_MS = 10_000;
/** A fork longer than this is not followed (a guard against a peer feeding us forever). */
const MAX_FORK_BLOCKS = 20_000;

export class Syncer {
  private running = false;
  private readonly wanted = new Set<Peer>();

  constructor(
    private readonly chain: Chain,
    private readonly logger: Logger,
    private readonly onPeerFault: (peer: Peer, reason: string) => void,
  ) {}

  get syncing(): boolean {
    return this.running;
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
            if ((await this.syncWith(peer)) !== "added") break;
          } catch (err) {
            if (err instanceof BlockRejected && err.peerFault) {
              this.onPeerFault(peer, `invalid block: ${err.reason}`);
            } else {
              this.logger.warn({ err, peer: peer.id }, "sync attempt failed");
            }
            break;
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async syncWith(peer: Peer): Promise<AdoptResult> {
    let anchor = await this.findAncestor(peer);
    let result: AdoptResult = "known";
    let from = anchor + 1;
    const fork: SignedBlock[] = [];
    for (;;) {
      const batch = await peer.requestBlocks(from, BATCH, REQUEST_TIMEOUT_MS);
      this.checkConsecutive(batch, from);
      if (batch.length > 0) {
        if (fork.length === 0 && anchor === this.chain.head.height) {
          result = await this.chain.adopt(anchor, batch);
          anchor = this.chain.head.height;
        } else {
          fork.push(...batch);
          if (fork.length > MAX_FORK_BLOCKS) throw new Error("fork too long to follow");
        }
        from += batch.length;
      }
      // An answer may be short because of its size limit; stop at the peer's head or at nothing.
      if (batch.length === 0 || from > (peer.head?.height ?? 0)) break;
    }
    if (fork.length > 0) {
      result = await this.chain.adopt(anchor, fork);
      // Only a switch to another branch is news; following a peer's branch we already prefer is routine.
      const level = result === "added" ? "info" : "debug";
      this.logger[level]({ peer: peer.id, anchor, blocks: fork.length, result }, "fork resolved");
    }
    return result;
  }

  private checkConsecutive(blocks: SignedBlock[], from: number): void {
    blocks.forEach((b, i) => {
      if (b.header.height !== from + i)
        throw new BlockRejected("malformed", "blocks answer is not the requested range");
      if (i > 0 && b.header.prev_hash !== blocks[i - 1]!.hash)
        throw new BlockRejected("malformed", "blocks answer is not a chain");
    });
  }

  /** The highest height at which the peer's block equals ours (0, the genesis, always does). */
  private async findAncestor(peer: Peer): Promise<number> {
    const top = Math.min(this.chain.head.height, peer.head?.height ?? 0);
    for (let back = 0; ; back = back === 0 ? 8 : back * 8) {
      const h = top - back;
      if (h <= 0) return 0;
      const [theirs] = await peer.requestBlocks(h, 1, REQUEST_TIMEOUT_MS);
      if (theirs && theirs.hash === (await this.chain.hashAt(h))) return h;
    }
  }
}
