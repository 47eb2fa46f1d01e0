// Settles recorded transfers nobody is waiting for: the caller gave up after a lost answer, or the
// wallet restarted between recording a transfer and hearing its outcome. Each round takes the
// oldest unsettled records and brings them to an outcome the same way a retry would: confirmed
// when a block has them, submitted again (the same bytes) when the node does not know them,
// dropped when the chain refused them for good.
import type { TransferRow, TransferStore } from "./transfer-store.js";
import type { Transfers } from "./transfer.js";

export interface TransferReconcilerOptions {
  /** Time between rounds; also how old a record must be before a round touches it. */
  intervalMs: number;
  /** Records per round. */
  batch?: number;
  /** Told about a round that failed (the node is down, say); the next round tries again. */
  onError?: (err: unknown) => void;
}

export class TransferReconciler {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly repo: TransferStore,
    private readonly transfers: Transfers,
    private readonly options: TransferReconcilerOptions,
  ) {}

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  /** One round; resolves when every record it took has an outcome or failed to get one. */
  async runOnce(): Promise<void> {
    const before = new Date(Date.now() - this.options.intervalMs).toISOString();
    const rows = await this.repo.listUnsettled(before, this.options.batch ?? 100);
    // Different addresses in parallel; one address's records in nonce order.
    const byAddress = new Map<string, TransferRow[]>();
    for (const row of rows)
      byAddress.set(row.address, [...(byAddress.get(row.address) ?? []), row]);
    const failures = await Promise.all(
      [...byAddress.values()].map((own) => this.transfers.settleInOrder(own)),
    );
    for (const err of failures.flat()) this.report(err);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runOnce()
        .catch((err: unknown) => this.report(err))
        .finally(() => {
          this.round = undefined;
          this.schedule();
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private report(err: unknown): void {
    this.options.onError?.(err);
  }
}
