// Settles completed deposit-funded jobs in batches: forms a batch when enough reservations are
// owed (or the oldest has waited long enough), signs one `settlement_batch` for it, stores the
// signed transaction before submitting it, waits until its block is final, then marks its
// reservations and jobs settled. Every step can be repeated after a crash: a batch keeps its id
// from forming to the end, and before anything is signed or submitted again the chain is asked
// whether that batch id is already applied (the chain refuses a repeated batch id and a job paid
// twice, so a second copy can never pay). Replicas sharing a database claim batches the way the
// outbox worker claims items.
import { sleep, type SignedTx } from "@aitbc/sdk";
import type { Logger } from "@aitbc/server-lib";
import type { Transactions } from "../store/transactions.js";
import type { AnchoredBatch, BatchChainPort } from "./batch-chain-port.js";
import type { BatchEntry, BatchStore, SettlementBatchRecord } from "./batch-store.js";
import { formBatch } from "./batch-forming.js";
import { poolFee } from "./pool-fee.js";
import { holdClaim, retryDelay, WorkerLoop, type HeldClaim } from "./worker-loop.js";

export interface BatchWorkerOptions {
  /** Form a batch as soon as this many reservations are owed (default 64, at most 512). */
  minItems?: number;
  /** The most items of one batch (default and chain limit 512). */
  maxItems?: number;
  /** Form a batch anyway once the oldest owed reservation has waited this long (default 2 s). */
  intervalMs?: number;
  /** How often the backlog is looked at when nothing kicks the worker (default 500 ms). */
  pollIntervalMs?: number;
  /** How long a claim on a batch lasts unless renewed (default 15 s). */
  claimMs?: number;
  /** How long one attempt waits for the batch's block to become final (default 30 s). */
  confirmTimeoutMs?: number;
  /** How often the chain is asked while waiting (default 250 ms). */
  confirmPollMs?: number;
  baseBackoffMs?: number;
  /** Basis points of each item's `paid` that go to the verification pool (default 0). */
  verificationFeeBps?: number;
}

/** The node refused the nonce: the outbox worker (or an earlier attempt) used it; sign again. */
const NONCE_REASONS = new Set(["nonce_reused", "nonce_gap"]);
/** Refusals that an owner's deposit being too small explains. */
const DEPOSIT_REASONS = new Set(["deposit_insufficient", "deposit_not_found"]);
const SIGN_ROUNDS = 4;

export class BatchWorker {
  private readonly loop = new WorkerLoop(
    () => this.drain(),
    (err) => this.logger.error({ err }, "settlement batch run failed"),
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly store: BatchStore,
    private readonly chain: BatchChainPort | undefined,
    private readonly logger: Logger,
    private readonly options: BatchWorkerOptions = {},
  ) {}

  private get stopped(): boolean {
    return this.loop.isStopped;
  }

  start(): void {
    if (!this.chain) return;
    this.loop.start(this.options.pollIntervalMs ?? 500);
  }

  /** Runs the worker now (or again right after the current run). */
  kick(): void {
    if (this.chain && this.loop.started) this.loop.kick();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Runs until nothing is due: unfinished batches first, then new ones while the cadence says so. */
  async drain(): Promise<void> {
    while (!this.stopped) {
      const now = Date.now();
      const due = await this.store.claimNextDue(
        new Date(now).toISOString(),
        new Date(now + this.claimMs).toISOString(),
      );
      if (due) {
        await this.process(due);
        continue;
      }
      if (!(await this.shouldForm())) return;
      const formed = await formBatch(this.transactions, this.store, this.maxItems);
      if (!formed) return;
      this.logger.info(
        {
          batch_id: formed.batchId,
          items: formed.itemCount,
          total_micro: String(formed.totalMicro),
        },
        "settlement batch formed",
      );
    }
  }

  private get claimMs(): number {
    return this.options.claimMs ?? 15_000;
  }

  private get maxItems(): number {
    return this.options.maxItems ?? 512;
  }

  private async shouldForm(): Promise<boolean> {
    const backlog = await this.store.owedBacklog();
    if (backlog.count === 0 || !backlog.oldestAt) return false;
    if (backlog.count >= Math.min(this.options.minItems ?? 64, this.maxItems)) return true;
    return Date.parse(backlog.oldestAt) + (this.options.intervalMs ?? 2000) <= Date.now();
  }

  private async process(batch: SettlementBatchRecord): Promise<void> {
    const claim = this.holdClaim(batch.batchId);
    try {
      await this.settle(batch);
    } catch (err) {
      await claim.stop();
      await this.retryLater(batch, err);
      return;
    } finally {
      await claim.stop();
    }
  }

  private async settle(batch: SettlementBatchRecord): Promise<void> {
    const chain = this.chain!;
    const anchored = await chain.anchored(batch.batchId);
    if (anchored) return this.awaitFinal(batch, anchored);
    // Signed before and still in a mempool or block: only wait for it.
    if (batch.txHash && (await chain.known(batch.txHash))) return this.awaitFinal(batch);

    const entries = await this.store.entries(batch.batchId);
    let tx: SignedTx | null = batch.signedTx ? (JSON.parse(batch.signedTx) as SignedTx) : null;
    for (let round = 0; round < SIGN_ROUNDS; round++) {
      if (!tx) tx = await this.sign(batch, entries);
      const outcome = await chain.submit(tx);
      if (outcome.status === "accepted") return this.awaitFinal(batch);
      if (NONCE_REASONS.has(outcome.reason)) {
        // The nonce went to another transaction of the settlement key, or to this very batch
        // (applied since we looked): ask the chain before signing again.
        const landed = await chain.anchored(batch.batchId);
        if (landed) return this.awaitFinal(batch, landed);
        tx = null;
        continue;
      }
      if (outcome.reason === "batch_exists") {
        const landed = await chain.anchored(batch.batchId);
        if (landed) return this.awaitFinal(batch, landed);
        throw new Error(`batch ${batch.batchId} exists on chain but is not readable yet`);
      }
      return this.refused(batch, entries, outcome.reason);
    }
    throw new Error(`the settlement key's nonce kept being taken (${SIGN_ROUNDS} tries)`);
  }

  private async sign(batch: SettlementBatchRecord, entries: BatchEntry[]): Promise<SignedTx> {
    const { tx, hash } = await this.chain!.sign({
      batchId: batch.batchId,
      receiptsRoot: batch.receiptsRoot,
      items: entries.map((e) => ({
        depositOwner: e.ownerAddress,
        provider: e.providerAddress,
        paidMicro: e.amountMicro,
        jobId: e.jobId,
        poolFeeMicro: poolFee(e.amountMicro, this.options.verificationFeeBps ?? 0),
      })),
    });
    // Stored before it is submitted: after a crash the same transaction is looked up first.
    await this.store.update(undefined, batch.batchId, {
      status: "signed",
      signed_tx: JSON.stringify(tx),
      tx_hash: hash,
      updated_at: new Date().toISOString(),
    });
    batch.txHash = hash;
    return tx;
  }

  private async awaitFinal(batch: SettlementBatchRecord, seen?: AnchoredBatch): Promise<void> {
    const chain = this.chain!;
    const deadline = Date.now() + (this.options.confirmTimeoutMs ?? 30_000);
    let anchored = seen ?? null;
    for (;;) {
      if (anchored?.finalized) break;
      if (this.stopped) throw new Error("stopping before the batch was final");
      if (Date.now() > deadline) throw new Error(`batch ${batch.batchId} not final in time`);
      await sleep(this.options.confirmPollMs ?? 250);
      anchored = await chain.anchored(batch.batchId);
      if (!anchored && batch.txHash && !(await chain.known(batch.txHash)))
        throw new Error(`batch ${batch.batchId} was dropped by the node`);
    }
    if (anchored.receiptsRoot !== batch.receiptsRoot)
      this.logger.error(
        { batch_id: batch.batchId, stored: batch.receiptsRoot, anchored: anchored.receiptsRoot },
        "the chain anchored another root for this batch id",
      );
    await this.transactions.run((tx) =>
      this.store.markFinal(
        tx,
        batch.batchId,
        anchored.txHash,
        anchored.blockHeight,
        new Date().toISOString(),
      ),
    );
    this.logger.info(
      {
        batch_id: batch.batchId,
        tx_hash: anchored.txHash,
        block_height: anchored.blockHeight,
        items: batch.itemCount,
      },
      "settlement batch final",
    );
  }

  /**
   * The chain refused the batch as a whole. When a deposit is too small for its owner's items,
   * those items stay in the refused batch (still counted against the deposit, never paid twice,
   * for an operator to look at) and every other item goes back to `owed` for the next batch. Any
   * other refusal keeps all items in the refused batch.
   */
  private async refused(
    batch: SettlementBatchRecord,
    entries: BatchEntry[],
    reason: string,
  ): Promise<void> {
    const stuck = DEPOSIT_REASONS.has(reason)
      ? await this.overdrawn(entries)
      : new Set(entries.map((e) => e.jobId));
    // No owner explains it (a deposit changed since): keep them all rather than retry blindly.
    const kept = stuck.size === 0 ? new Set(entries.map((e) => e.jobId)) : stuck;
    const back = entries.filter((e) => !kept.has(e.jobId)).map((e) => e.jobId);
    const now = new Date().toISOString();
    await this.transactions.run(async (tx) => {
      await this.store.returnToOwed(tx, batch.batchId, back, now);
      await this.store.update(tx, batch.batchId, {
        status: "refused",
        attempts: batch.attempts + 1,
        last_error: `${reason}: ${kept.size} item(s) kept, ${back.length} returned to owed`,
        updated_at: now,
      });
    });
    this.logger.error(
      { batch_id: batch.batchId, reason, kept: [...kept], returned: back.length },
      "the chain refused a settlement batch",
    );
  }

  /** The jobs of owners whose items in the batch add up to more than their deposit holds. */
  private async overdrawn(entries: BatchEntry[]): Promise<Set<string>> {
    const byOwner = new Map<string, bigint>();
    for (const e of entries)
      byOwner.set(e.ownerAddress, (byOwner.get(e.ownerAddress) ?? 0n) + e.amountMicro);
    const short = new Set<string>();
    for (const [owner, total] of byOwner)
      if ((await this.chain!.depositAt(owner)) < total) short.add(owner);
    return new Set(entries.filter((e) => short.has(e.ownerAddress)).map((e) => e.jobId));
  }

  private holdClaim(batchId: string): HeldClaim {
    return holdClaim(
      this.claimMs,
      (until) => this.store.update(undefined, batchId, { next_attempt_at: until }),
      (err) => this.logger.warn({ err, batch_id: batchId }, "could not renew a batch claim"),
    );
  }

  private async retryLater(batch: SettlementBatchRecord, err: unknown): Promise<void> {
    const attempts = batch.attempts + 1;
    const delay = retryDelay(attempts, this.options.baseBackoffMs ?? 500);
    const message = (err as Error)?.message ?? String(err);
    this.logger.warn(
      { batch_id: batch.batchId, attempts, err: message },
      "settlement batch attempt failed; will retry",
    );
    await this.store.update(undefined, batch.batchId, {
      attempts,
      last_error: message.slice(0, 500),
      next_attempt_at: new Date(Date.now() + delay).toISOString(),
      updated_at: new Date().toISOString(),
    });
  }
}
