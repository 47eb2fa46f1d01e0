// The operator's way out of a refused settlement batch: the items the chain's refusal kept in it
// (never paid, still counted against their deposits) go back to `owed` once the cause is dealt
// with, and the batch worker pays them in its next batch. The refused batch paid nothing, so an
// item requeued is still paid once.
import { Conflict, Forbidden, NotFound } from "@aitbc/server-lib";
import type { Caller } from "../accounts/caller.js";
import type { BatchStore } from "../settlement/batch-store.js";
import type { Transactions } from "../store/transactions.js";

export interface BatchRequeueResult {
  batchId: string;
  jobIds: string[];
  lastError: string | null;
}

export class BatchRequeue {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: BatchStore,
    /** Nudges the batch worker, so the requeued items do not wait for its next look. */
    private readonly kick: () => void,
  ) {}

  /** Platform admin only: settlement spans every tenant. */
  async requeue(caller: Caller, batchId: string): Promise<BatchRequeueResult> {
    if (!caller.platformAdmin)
      throw new Forbidden("Only the platform admin may requeue a settlement batch.");
    const batch = await this.store.byId(batchId);
    if (!batch) throw new NotFound(`No settlement batch with id ${batchId}.`);
    if (batch.status !== "refused")
      throw new Conflict(
        "conflict",
        `Settlement batch ${batchId} is ${batch.status}, not refused: its items are not stuck.`,
      );
    const jobIds = (await this.store.entries(batchId)).map((e) => e.jobId);
    if (jobIds.length > 0) {
      const now = new Date().toISOString();
      await this.transactions.run(async (tx) => {
        await this.store.returnToOwed(tx, batchId, jobIds, now);
        await this.store.update(tx, batchId, { updated_at: now });
      });
      this.kick();
    }
    return { batchId, jobIds, lastError: batch.lastError };
  }
}
