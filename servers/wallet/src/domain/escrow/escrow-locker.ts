// Locks a job's budget on chain from the customer's custodial key, at most once per job.
//
// The signed tx is recorded (keyed by job_id) before it is submitted. A retry for the same job,
// whether after a timeout, a lost answer or a restart, finds that record and waits for (or
// resubmits) the same bytes; it never signs a second lock. Concurrent requests for one job in this
// process share one attempt.
import { formatAitbc } from "@aitbc/sdk";
import { ChainRejected, Conflict, GatewayTimeout, InsufficientFunds } from "@aitbc/server-lib";
import type { EscrowLockRow } from "./escrow-lock-store.js";
import type { Caller } from "@aitbc/server-lib";
import type { CustodialAccount } from "../keys/keystore.js";
import type { WalletContext } from "../wallet-context.js";
import { rejectionToAppError } from "../chain/rejection-errors.js";
import { custodialAccountOf } from "../wallet/caller-account.js";

export interface EscrowLockResult {
  jobId: string;
  amountMicro: bigint;
  from: string;
  txHash: string;
  blockHeight: number;
  /** True when this request signed the lock; false when it found an earlier one. */
  created: boolean;
}

interface Attempt {
  accountId: string;
  amountMicro: bigint;
  result: Promise<EscrowLockResult>;
}

class LockRaced extends Error {}

export class EscrowLocker {
  private readonly inflight = new Map<string, Attempt>();

  constructor(private readonly ctx: WalletContext) {}

  async lock(
    caller: Caller,
    input: { jobId: string; amountMicro: bigint },
  ): Promise<EscrowLockResult> {
    const account = await custodialAccountOf(this.ctx.keystore, caller, ["customer", "admin"]);
    const running = this.inflight.get(input.jobId);
    if (running) {
      assertSameLock(input.jobId, running, account, input.amountMicro);
      return { ...(await running.result), created: false };
    }
    const attempt: Attempt = {
      accountId: account.accountId,
      amountMicro: input.amountMicro,
      result: this.lockOnce(account, input.jobId, input.amountMicro),
    };
    this.inflight.set(input.jobId, attempt);
    try {
      return await attempt.result;
    } finally {
      this.inflight.delete(input.jobId);
    }
  }

  private async lockOnce(
    account: CustodialAccount,
    jobId: string,
    amountMicro: bigint,
  ): Promise<EscrowLockResult> {
    // Two rounds: an earlier record whose tx the chain refused is dropped, then the job is locked afresh.
    for (let round = 0; round < 2; round++) {
      const existing = await this.ctx.escrowLocks.find(jobId);
      if (existing) {
        assertSameLock(jobId, existing, account, amountMicro);
        const resumed = await this.resume(existing);
        if (resumed) return resumed;
        continue;
      }
      const fresh = await this.signFresh(account, jobId, amountMicro);
      if (fresh) return fresh;
    }
    throw new Conflict(
      "idempotency_in_progress",
      `Job ${jobId} is being locked by another request. Retry in a moment.`,
    );
  }

  /** Undefined when another process recorded a lock for this job first. */
  private async signFresh(
    account: CustodialAccount,
    jobId: string,
    amountMicro: bigint,
  ): Promise<EscrowLockResult | undefined> {
    let signed;
    try {
      signed = await this.ctx.signer.signAndSubmit(
        account,
        "escrow_lock",
        { job_id: jobId, amount: amountMicro.toString() },
        {
          precheck: (state) => {
            if (state.balanceMicro < amountMicro)
              throw new InsufficientFunds(
                `The balance of ${account.address} is ${formatAitbc(state.balanceMicro)} AITBC; job ${jobId} needs ${formatAitbc(amountMicro)} AITBC locked.`,
              );
          },
          beforeSubmit: async ({ tx, txHash }) => {
            const recorded = await this.ctx.escrowLocks.insertSubmitted({
              jobId,
              accountId: account.accountId,
              address: account.address,
              amountMicro,
              txHash,
              tx,
            });
            if (!recorded) throw new LockRaced();
          },
          onRejected: ({ txHash }) => this.ctx.escrowLocks.deleteUnconfirmed(jobId, txHash),
        },
      );
    } catch (err) {
      if (err instanceof LockRaced) return undefined;
      throw rejectionToAppError(err);
    }
    const blockHeight = await this.confirm(jobId, signed.txHash);
    return {
      jobId,
      amountMicro,
      from: account.address,
      txHash: signed.txHash,
      blockHeight,
      created: true,
    };
  }

  /** Undefined when the recorded tx was refused by the chain (and the record dropped). */
  private async resume(lock: EscrowLockRow): Promise<EscrowLockResult | undefined> {
    const result = (blockHeight: number): EscrowLockResult => ({
      jobId: lock.jobId,
      amountMicro: lock.amountMicro,
      from: lock.address,
      txHash: lock.txHash,
      blockHeight,
      created: false,
    });
    if (lock.status === "confirmed" && lock.blockHeight !== null) return result(lock.blockHeight);
    const known = await this.ctx.chain.getTransaction(lock.txHash);
    if (known.status === "unknown" || known.status === "rejected") {
      try {
        await this.ctx.signer.resubmit({ tx: lock.tx, txHash: lock.txHash });
      } catch (err) {
        if (!(err instanceof ChainRejected)) throw err;
        const again = await this.ctx.chain.getTransaction(lock.txHash);
        if (again.status === "unknown" || again.status === "rejected") {
          await this.ctx.escrowLocks.deleteUnconfirmed(lock.jobId, lock.txHash);
          return undefined;
        }
      }
    }
    return result(await this.confirm(lock.jobId, lock.txHash));
  }

  private async confirm(jobId: string, txHash: string): Promise<number> {
    let inclusion;
    try {
      inclusion = await this.ctx.inclusions.wait(txHash, this.ctx.confirmTimeoutMs);
    } catch (err) {
      if (!(err instanceof ChainRejected)) throw err;
      await this.ctx.escrowLocks.deleteUnconfirmed(jobId, txHash);
      throw rejectionToAppError(err);
    }
    if (!inclusion.included)
      throw new GatewayTimeout(
        `The escrow lock ${txHash} for job ${jobId} was submitted but no block included it within ${Math.round(this.ctx.confirmTimeoutMs / 1000)} s. Retry to keep waiting; it will not be signed twice.`,
      );
    await this.ctx.escrowLocks.markConfirmed(jobId, inclusion.blockHeight);
    return inclusion.blockHeight;
  }
}

function assertSameLock(
  jobId: string,
  earlier: { accountId: string; amountMicro: bigint },
  account: CustodialAccount,
  amountMicro: bigint,
): void {
  if (earlier.accountId !== account.accountId || earlier.amountMicro !== amountMicro)
    throw new Conflict(
      "conflict",
      `Job ${jobId} already has an escrow lock with another amount or customer; a job is locked once.`,
    );
}
