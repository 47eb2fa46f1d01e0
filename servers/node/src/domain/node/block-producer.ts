// A validator's proposing loop. For the next height it finds its own round r (0 when in turn)
// and proposes at parent time + block time + r × round timeout, unless another block arrives
// first. Blocks are produced even when the mempool is empty, so heights move at a steady pace
// (the explorer, sync and the fallback rounds all rely on that; see docs/chain.md).
import type { Logger } from "@aitbc/server-lib";
import { buildBlock } from "../chain/execute-block.js";
import { roundOf } from "../chain/schedule.js";
import type { ChainNode } from "./chain-node.js";
import type { ValidatorIdentity } from "./identity.js";

export interface ProducerOptions {
  blockTimeMs: number;
  /** False while syncing or before the first peer handshake: proposing then would fork. */
  ready(): boolean;
  logger: Logger;
}

export class BlockProducer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private offHead: (() => void) | undefined;

  constructor(
    private readonly node: ChainNode,
    private readonly me: ValidatorIdentity,
    private readonly options: ProducerOptions,
  ) {}

  start(): void {
    this.offHead = this.node.onHead(() => this.schedule());
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.offHead?.();
    clearTimeout(this.timer);
  }

  private schedule(delayFloorMs = 0): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const { chain, env } = this.node;
    const head = chain.head;
    const round = roundOf(env.validators, head.height + 1, this.me.publicKey);
    if (round === undefined) return;
    const at = head.timestampMs + this.options.blockTimeMs + round * env.roundTimeoutMs;
    const delay = Math.max(delayFloorMs, at - Date.now(), 0);
    this.timer = setTimeout(() => void this.propose(head.hash, round, at), delay);
  }

  private async propose(expectedHead: string, round: number, at: number): Promise<void> {
    if (this.stopped) return;
    if (!this.options.ready()) {
      this.schedule(Math.min(200, this.options.blockTimeMs));
      return;
    }
    const { chain, env, mempool } = this.node;
    try {
      const built = await chain.propose(expectedHead, (head, state) =>
        buildBlock(
          head,
          state,
          mempool.select(env.maxBlockTxs),
          env,
          this.me,
          round,
          Math.max(Date.now(), at),
        ),
      );
      if (!built) return;
      mempool.drop(built.dropped);
      this.node.announceBlock(built.executed.block);
    } catch (err) {
      this.options.logger.error({ err }, "block proposal failed");
      this.schedule(this.options.blockTimeMs);
    }
  }
}
