// The canonical chain: its head, its state (in memory, mirrored in the database) and the only
// code that changes them. Every change runs through one queue, so a proposal, a gossiped block
// and a sync never interleave. Fork choice: the heaviest chain wins (block weight n − round),
// ties go to the lower head hash (docs/chain.md). Two guards come first: nothing at or below the
// finalized height is ever replaced, and a block whose proposer already signed our block at that
// height (an equivocation) is refused unless honest blocks built on it make its branch heavier.
import { ConfigError } from "@aitbc/server-lib";
import type { SignedBlock } from "@aitbc/sdk";
import type { StateRecord } from "../ledger/records.js";
import { StateOverlay, applyUndo, commitOverlay, type LedgerState } from "../ledger/state.js";
import { stateRoot } from "../ledger/state-root.js";
import { BlockRejected } from "./block-rejected.js";
import type { ChainEnv } from "./chain-env.js";
import type { ChainStorage } from "./chain-storage.js";
import { equivocationBetween, type Equivocation } from "./equivocation.js";
import {
  checkBlockHeader,
  executeBlock,
  type BuiltBlock,
  type Candidate,
  type ExecutedBlock,
} from "./execute-block.js";
import { FinalityTracker, finalityQuorum } from "./finality.js";
import { genesisInfo, genesisLedger } from "./genesis-state.js";
import type { HeadInfo } from "./head.js";
import { blockScore } from "./schedule.js";

export interface ChainChange {
  added: ExecutedBlock[];
  /** Transactions of blocks that left the canonical chain and are not in the new blocks. */
  orphaned: Candidate[];
  reorg: boolean;
  head: HeadInfo;
}

export type AdoptResult = "added" | "known" | "lighter";

const RECENT_HASHES = 4096;

export class Chain {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: ChainChange) => void>();
  private readonly recent = new Map<number, string>();
  private finalizedHash: string;

  private constructor(
    readonly env: ChainEnv,
    private readonly storage: ChainStorage,
    readonly state: LedgerState,
    private currentHead: HeadInfo,
    readonly genesis: HeadInfo,
    private readonly finality: FinalityTracker,
  ) {
    this.finalizedHash = genesis.hash;
  }

  static async open(env: ChainEnv, storage: ChainStorage): Promise<Chain> {
    const genesis = genesisInfo(env);
    const storedGenesis = await storage.genesisHash();
    if (storedGenesis && storedGenesis !== env.genesisHash)
      throw new ConfigError(
        `The database holds chain ${storedGenesis}, but AITBC_GENESIS_FILE is ${env.genesisHash}. ` +
          "Point AITBC_DATA_DIR or AITBC_DATABASE_URL elsewhere, or use the matching genesis file.",
      );
    if (!storedGenesis)
      await storage.initGenesis(env.genesisHash, genesisLedger(env.genesis).accounts);
    const state = await storage.loadState();
    const head = (await storage.head()) ?? genesis;
    // The first root of a loaded state sums every record (once); later blocks keep the sum.
    const root = stateRoot(state);
    if (root !== head.stateRoot)
      throw new Error(
        `The stored state (root ${root}) does not match head ${head.height} (root ${head.stateRoot}). ` +
          "A data dir written before the incremental state root needs a fresh start (`npm run reset` on the dev stack).",
      );
    const stored = Math.min(await storage.finalizedHeight(), head.height);
    const finality = new FinalityTracker(finalityQuorum(env.validators.length), stored);
    finality.reset(await storage.latestProposals(stored));
    const chain = new Chain(env, storage, state, head, genesis, finality);
    await chain.finalityMoved();
    return chain;
  }

  /** The highest final block: it and everything below it can never be replaced. */
  get finalized(): { height: number; hash: string } {
    return { height: this.finality.height, hash: this.finalizedHash };
  }

  get head(): HeadInfo {
    return this.currentHead;
  }

  onChange(listener: (change: ChainChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async hashAt(height: number): Promise<string | undefined> {
    if (height === 0) return this.genesis.hash;
    if (height > this.currentHead.height) return undefined;
    if (height === this.currentHead.height) return this.currentHead.hash;
    return this.recent.get(height) ?? this.storage.hashAt(height);
  }

  async infoAt(height: number): Promise<HeadInfo | undefined> {
    if (height === 0) return this.genesis;
    if (height === this.currentHead.height) return this.currentHead;
    return this.storage.infoAt(height);
  }

  /**
   * A state record as of the head and as of the finalized block, read together: the finalized
   * value is the head's with the undo records of the blocks above the finalized one rolled back.
   */
  recordAtHeadAndFinalized(key: string): Promise<{
    head: { height: number; value: StateRecord | undefined };
    finalized: { height: number; value: StateRecord | undefined };
  }> {
    return this.exclusive(async () => {
      const headValue = this.state.record(key);
      const finalHeight = this.finality.height;
      let value: StateRecord | null = headValue ?? null;
      // Newest block first, so the last value seen is the one from before the oldest of them.
      if (finalHeight < this.currentHead.height)
        for (const undo of await this.storage.undoAbove(finalHeight))
          for (const [k, v] of undo.records) if (k === key) value = v;
      return {
        head: { height: this.currentHead.height, value: headValue },
        finalized: { height: finalHeight, value: value ?? undefined },
      };
    });
  }

  blocks(fromHeight: number, count: number): Promise<SignedBlock[]> {
    return this.storage.blocks(fromHeight, count);
  }

  /** Resolves when no change is in progress (used before closing the database). */
  idle(): Promise<void> {
    return this.exclusive(async () => undefined);
  }

  /** Runs `fn` after every earlier change has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Builds a block on the head if the head is still `expectedHead` (a proposal scheduled for a
   * head that has moved on is dropped), commits it, and returns it.
   */
  propose(
    expectedHead: string,
    build: (head: HeadInfo, state: LedgerState) => BuiltBlock,
  ): Promise<BuiltBlock | undefined> {
    return this.exclusive(async () => {
      if (this.currentHead.hash !== expectedHead) return undefined;
      const built = build(this.currentHead, this.state);
      await this.commitExtension(built.executed);
      return built;
    });
  }

  /**
   * Takes a block from a peer. It extends the head, or competes with our blocks from its parent
   * on (fork choice decides). Throws BlockRejected when it is invalid or its parent is unknown.
   */
  receive(block: SignedBlock): Promise<AdoptResult> {
    return this.exclusive(async () => {
      const h = block.header;
      if ((await this.hashAt(h.height)) === block.hash) return "known";
      if (h.prev_hash === this.currentHead.hash) {
        await this.commitExtension(executeBlock(block, this.currentHead, this.state, this.env));
        return "added";
      }
      if (h.height <= this.currentHead.height) await this.refuseEquivocation(block);
      const parentHeight = h.height - 1;
      if (
        parentHeight < this.currentHead.height &&
        (await this.hashAt(parentHeight)) === h.prev_hash
      )
        return this.adoptFork(parentHeight, [block]);
      throw new BlockRejected("unknown_parent", `parent ${h.prev_hash} of ${h.height} is unknown`);
    });
  }

  /**
   * Takes consecutive blocks whose first one's parent is our canonical block at `ancestorHeight`
   * (found by sync). Extends the head, or switches to them if they make a heavier chain.
   */
  adopt(ancestorHeight: number, blocks: SignedBlock[]): Promise<AdoptResult> {
    return this.exclusive(async () => {
      if (blocks.length === 0) return "known";
      if ((await this.hashAt(ancestorHeight)) !== blocks[0]!.header.prev_hash)
        throw new BlockRejected("unknown_parent", "the branch does not start at the ancestor");
      // Skip the blocks we already have.
      let skip = 0;
      while (
        skip < blocks.length &&
        (await this.hashAt(ancestorHeight + 1 + skip)) === blocks[skip]!.hash
      )
        skip++;
      if (skip === blocks.length) return "known";
      const from = ancestorHeight + skip;
      const rest = blocks.slice(skip);
      if (from === this.currentHead.height) {
        for (const b of rest)
          await this.commitExtension(executeBlock(b, this.currentHead, this.state, this.env));
        return "added";
      }
      return this.adoptFork(from, rest);
    });
  }

  private async commitExtension(executed: ExecutedBlock): Promise<void> {
    await this.storage.commit({
      executed: [executed],
      accounts: executed.overlay.accounts,
      escrows: executed.overlay.escrows,
      records: executed.overlay.records,
    });
    commitOverlay(this.state, executed.overlay);
    this.setHead(executed.info);
    if (this.finality.observe(executed.block.header.proposer, executed.info.height))
      await this.finalityMoved();
    this.emit({ added: [executed], orphaned: [], reorg: false, head: executed.info });
  }

  private async adoptFork(ancestorHeight: number, blocks: SignedBlock[]): Promise<AdoptResult> {
    const ancestor = await this.infoAt(ancestorHeight);
    if (!ancestor) throw new BlockRejected("unknown_parent", `no block at ${ancestorHeight}`);
    for (const b of blocks) checkBlockHeader(b, this.env);
    const n = this.env.validators.length;
    const weight =
      ancestor.weight + blocks.reduce((sum, b) => sum + blockScore(n, b.header.round), 0);
    const tip = blocks[blocks.length - 1]!;
    const ours = this.currentHead;
    const evidence = await this.equivocationsIn(ancestorHeight, blocks);
    for (const e of evidence) await this.storage.recordEquivocation(e);
    // A branch resting on a re-signed block counts only the blocks honest validators built: the
    // equivocator's own blocks weigh nothing, and there is no tie-break for it.
    const cheaters = new Set(evidence.map((e) => e.proposer));
    const counted =
      cheaters.size === 0
        ? weight
        : ancestor.weight +
          blocks
            .filter((b) => !cheaters.has(b.header.proposer))
            .reduce((sum, b) => sum + blockScore(n, b.header.round), 0);
    const wins =
      counted > ours.weight ||
      (counted === ours.weight && tip.hash < ours.hash && cheaters.size === 0);
    if (!wins) {
      if (evidence.length > 0) throw equivocationRejected(evidence[0]!);
      return "lighter";
    }
    if (ancestorHeight < this.finality.height)
      throw new BlockRejected(
        "finalized_conflict",
        `the branch forks at ${ancestorHeight}, below the finalized height ${this.finality.height}`,
      );

    // Roll our blocks back (in an overlay), then execute the branch on top.
    const rollback = new StateOverlay(this.state);
    for (const undo of await this.storage.undoAbove(ancestorHeight)) applyUndo(rollback, undo);
    const executed: ExecutedBlock[] = [];
    let parent = ancestor;
    let view: StateOverlay = rollback;
    for (const b of blocks) {
      const e = executeBlock(b, parent, view, this.env);
      executed.push(e);
      parent = e.info;
      view = e.overlay;
    }
    const inBranch = new Set(executed.flatMap((e) => e.txHashes));
    const orphaned = (await this.storage.txsAbove(ancestorHeight)).filter(
      (c) => !inBranch.has(c.hash),
    );
    const final = new StateOverlay(this.state);
    rollback.writeInto(final);
    for (const e of executed) e.overlay.writeInto(final);
    await this.storage.commit({
      removeAbove: ancestorHeight,
      executed,
      accounts: final.accounts,
      escrows: final.escrows,
      records: final.records,
    });
    commitOverlay(this.state, final);
    for (const h of [...this.recent.keys()]) if (h >= ancestorHeight) this.recent.delete(h);
    this.currentHead = ancestor;
    for (const e of executed) this.setHead(e.info);
    if (this.finality.reset(await this.storage.latestProposals(this.finality.height)))
      await this.finalityMoved();
    this.emit({ added: executed, orphaned, reorg: true, head: this.currentHead });
    return "added";
  }

  /** Throws (and keeps the evidence) when our block at `block`'s height has the same proposer. */
  private async refuseEquivocation(block: SignedBlock): Promise<void> {
    const [ours] = await this.storage.blocks(block.header.height, 1);
    if (!ours || ours.header.proposer !== block.header.proposer) return;
    checkBlockHeader(block, this.env);
    const evidence = equivocationBetween(ours, block);
    if (!evidence) return;
    await this.storage.recordEquivocation(evidence);
    throw equivocationRejected(evidence);
  }

  /** Blocks of a (header-checked) branch that re-sign a height of our chain with another block. */
  private async equivocationsIn(
    ancestorHeight: number,
    blocks: SignedBlock[],
  ): Promise<Equivocation[]> {
    const overlap = Math.min(blocks.length, this.currentHead.height - ancestorHeight);
    if (overlap <= 0) return [];
    const ours = await this.storage.blocks(ancestorHeight + 1, overlap);
    return ours.flatMap((b, i) => equivocationBetween(b, blocks[i]!) ?? []);
  }

  private async finalityMoved(): Promise<void> {
    const height = this.finality.height;
    this.finalizedHash = (await this.hashAt(height)) ?? this.finalizedHash;
    if (height > 0) await this.storage.setFinalizedHeight(height);
  }

  private setHead(info: HeadInfo): void {
    this.recent.set(this.currentHead.height, this.currentHead.hash);
    this.currentHead = info;
    if (this.recent.size > RECENT_HASHES) this.recent.delete(this.recent.keys().next().value!);
  }

  private emit(change: ChainChange): void {
    for (const l of this.listeners) l(change);
  }
}

function equivocationRejected(e: Equivocation): BlockRejected {
  return new BlockRejected(
    "equivocation",
    `${e.proposer} already signed block ${e.first.hash} at height ${e.height}`,
  );
}
