// Waiting for blocks to include transactions, for every request of a server at once. Instead of
// each waiting request polling the node for its own tx (hundreds of requests per second under
// load, competing with block production), one loop polls the head block and scans each new block
// for the hashes it waits for. A slow per-tx check backs it up for what block scanning cannot see:
// a tx the node accepted and later dropped, or one included while the loop was catching up.
import { sleep } from "@aitbc/sdk";
import { ChainRejected } from "./chain-rejected.js";
import type { NodeBlock } from "./node-chain-client.js";

/** What the watcher reads: the node chain client, or a server's adapter over it. */
export interface InclusionSource {
  headBlock(): Promise<NodeBlock>;
  block(height: number): Promise<NodeBlock>;
  getTransaction(
    txHash: string,
  ): Promise<
    | { status: "confirmed"; blockHeight: number }
    | { status: "rejected"; reason: string }
    | { status: "pending" | "unknown" }
  >;
}

export type Inclusion = { included: true; blockHeight: number } | { included: false };

interface Waiter {
  txHash: string;
  deadline: number;
  nextDirectCheck: number;
  settle(result: Inclusion | Error): void;
}

export interface InclusionWatcherOptions {
  /** How often the head is polled while something waits. */
  pollMs?: number;
  /** How often each waiting tx is also checked by hash. */
  directCheckMs?: number;
  /** More blocks than this behind: skip scanning and rely on the per-tx checks. */
  maxScanBlocks?: number;
}

export class InclusionWatcher {
  private readonly waiters = new Set<Waiter>();
  private looping = false;
  private readonly pollMs: number;
  private readonly directCheckMs: number;
  private readonly maxScanBlocks: number;

  constructor(
    private readonly chain: InclusionSource,
    options: InclusionWatcherOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 100;
    this.directCheckMs = options.directCheckMs ?? 2000;
    this.maxScanBlocks = options.maxScanBlocks ?? 20;
  }

  /** Resolves once a block has the tx, or `{included: false}` at the timeout; throws ChainRejected if the node dropped it. */
  async wait(txHash: string, timeoutMs: number): Promise<Inclusion> {
    const now = Date.now();
    const result = new Promise<Inclusion>((resolve, reject) => {
      this.waiters.add({
        txHash,
        deadline: now + timeoutMs,
        // Block scanning finds it first in almost every case; the check by hash is the backstop
        // (for example a block produced and scanned between submitting and registering here).
        nextDirectCheck: now + this.directCheckMs,
        settle: (r) => (r instanceof Error ? reject(r) : resolve(r)),
      });
    });
    if (!this.looping) {
      this.looping = true;
      void this.run();
    }
    return result;
  }

  private async run(): Promise<void> {
    try {
      await this.watch();
    } finally {
      // Cleared in the same turn as the last emptiness check, so no waiter is left without a loop.
      this.looping = false;
    }
  }

  private async watch(): Promise<void> {
    let lastSeen: number | undefined;
    while (this.waiters.size) {
      try {
        const head = await this.chain.headBlock();
        // Start two blocks back: a tx may have landed between its submission and this first look.
        const from =
          lastSeen === undefined
            ? Math.max(1, head.height - 2)
            : head.height - lastSeen > this.maxScanBlocks
              ? head.height
              : lastSeen + 1;
        for (let height = from; height < head.height; height++)
          this.found(await this.chain.block(height));
        if (head.height >= from) this.found(head);
        lastSeen = head.height;
      } catch {
        // The node is unreachable or busy: keep trying until the waiters' deadlines.
      }
      await this.checkDueWaiters();
      if (this.waiters.size) await sleep(this.pollMs);
    }
  }

  private found(block: { height: number; txHashes: readonly string[] }): void {
    if (!block.txHashes.length) return;
    const inBlock = new Set(block.txHashes);
    for (const w of this.waiters)
      if (inBlock.has(w.txHash)) this.finish(w, { included: true, blockHeight: block.height });
  }

  private async checkDueWaiters(): Promise<void> {
    const now = Date.now();
    for (const w of [...this.waiters]) {
      if (!this.waiters.has(w)) continue;
      if (now >= w.deadline) {
        this.finish(w, { included: false });
        continue;
      }
      if (now < w.nextDirectCheck) continue;
      w.nextDirectCheck = now + this.directCheckMs;
      try {
        const status = await this.chain.getTransaction(w.txHash);
        if (status.status === "confirmed")
          this.finish(w, { included: true, blockHeight: status.blockHeight });
        else if (status.status === "rejected")
          this.finish(
            w,
            new ChainRejected(
              status.reason,
              `the node dropped transaction ${w.txHash} (${status.reason})`,
            ),
          );
      } catch {
        // As above: try again on the next round.
      }
    }
  }

  private finish(w: Waiter, result: Inclusion | Error): void {
    if (!this.waiters.delete(w)) return;
    w.settle(result);
  }
}
