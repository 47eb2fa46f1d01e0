// Drives every check from `open` to a verdict: places the re-run on another provider's miner,
// waits for it to end, compares the runs, and on a failure queues the bond slash in the same
// transaction as the verdict. It also pays the re-runs' providers from the verification pool when
// a payer is wired; otherwise their pay stays recorded as pending. All state is in the database,
// so a restarted coordinator picks up where it stopped.
import type { Logger } from "@aitbc/server-lib";
import type { Receipt } from "@aitbc/sdk";
import type { Transactions } from "../store/transactions.js";
import type { JobEventStore, JobStore } from "../jobs/job-store.js";
import type { JobRecord } from "../jobs/job-types.js";
import type { JobTransitions } from "../jobs/job-transitions.js";
import type { ReceiptStore } from "../receipts/receipt-store.js";
import type { MinerStore } from "../miners/miner-store.js";
import type { MinerPresence } from "../miners/presence.js";
import type { ServiceStore } from "../services/service-store.js";
import type { AccountStore } from "../accounts/account-store.js";
import type { SignalBus } from "../events/signal-bus.js";
import type { CheckPatch, CheckRecord, VerificationStore } from "./verification-store.js";
import { placeRerun } from "./rerun-placement.js";
import { rerunVerdict, slashPenalty } from "./rerun-verdict.js";
import { disputeEvent } from "./dispute-events.js";
import type { VerifierPayouts } from "./verifier-payouts.js";

const BATCH = 50;

export interface VerificationSettings {
  pollIntervalMs: number;
  disputeFeeMicro: bigint;
  slashPenaltyBps: number;
}

export interface VerificationWorkerDeps {
  transactions: Transactions;
  store: VerificationStore;
  jobs: JobStore;
  events: JobEventStore;
  transitions: JobTransitions;
  receipts: ReceiptStore;
  miners: MinerStore;
  presence: MinerPresence;
  services: ServiceStore;
  accounts: AccountStore;
  bus: SignalBus;
  logger: Logger;
  /** Pays re-runs from the verification pool; without it their pay is recorded as pending. */
  payouts?: VerifierPayouts;
  /** A check failed: the slash worker has a row to take to the chain. */
  onSlash: () => void;
}

export class VerificationWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deps: VerificationWorkerDeps,
    private readonly settings: VerificationSettings,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.settings.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.deps.logger.error({ err }, "verification round failed"))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    const now = new Date();
    for (const c of await this.deps.store.dueChecks(now.toISOString(), BATCH)) {
      if (this.stopped) return;
      try {
        if (c.status === "open") await this.place(c, now);
        else await this.decide(c);
      } catch (err) {
        this.deps.logger.warn({ err, check_id: c.checkId }, "verification check step failed");
        await this.deps.store.updateCheck(undefined, c.checkId, {
          nextAttemptAt: new Date(Date.now() + 5 * this.settings.pollIntervalMs).toISOString(),
          updatedAt: new Date().toISOString(),
        });
      }
    }
    if (this.deps.payouts) await this.payVerifiers();
  }

  private async originalOf(c: CheckRecord) {
    const job = await this.deps.jobs.byId(c.jobId);
    if (!job) throw new Error(`job ${c.jobId} of check ${c.checkId} is gone`);
    const stored = await this.deps.receipts.byJob(c.jobId);
    return { job, receipt: stored?.receipt as Receipt | undefined };
  }

  private async place(c: CheckRecord, now: Date): Promise<void> {
    const original = await this.originalOf(c);
    const miner = original.job.minerId
      ? await this.deps.miners.byId(original.job.minerId)
      : undefined;
    const placed = await placeRerun(
      { ...this.deps, checks: this.deps.store },
      original.job,
      original.receipt,
      miner,
      now,
    );
    const at = new Date().toISOString();
    if ("unverifiable" in placed) {
      await this.record(c, {
        status: "unverifiable",
        verdict: placed.unverifiable,
        resolvedAt: at,
        updatedAt: at,
      });
      return;
    }
    const rerun = placed.rerun;
    await this.deps.transactions.run(async (tx) => {
      await this.deps.jobs.insert(tx, rerun);
      await this.deps.events.append(
        tx,
        rerun.jobId,
        0,
        [{ type: "status", data: { status: "queued" } }],
        at,
      );
    });
    this.deps.bus.publish({ kind: "queued", id: rerun.providerId });
    await this.record(c, {
      status: "rerunning",
      rerunJobId: rerun.jobId,
      verifierProviderId: rerun.providerId,
      updatedAt: at,
    });
  }

  private async decide(c: CheckRecord): Promise<void> {
    const rerunJob = c.rerunJobId ? await this.deps.jobs.byId(c.rerunJobId) : undefined;
    if (!rerunJob) throw new Error(`the re-run of check ${c.checkId} is gone`);
    // Still queued or running: look again on a later round.
    if (!["completed", "failed", "expired", "cancelled"].includes(rerunJob.status)) return;
    const original = await this.originalOf(c);
    const rerunReceipt = (await this.deps.receipts.byJob(rerunJob.jobId))?.receipt as
      Receipt | undefined;
    const v = rerunVerdict(original, { job: rerunJob, receipt: rerunReceipt });
    const at = new Date().toISOString();
    const refund = original.job.paidMicro ?? 0n;
    const patch: CheckPatch = {
      status: v.status,
      verdict: v.verdict,
      resolvedAt: at,
      updatedAt: at,
      verifierPayoutMicro: rerunJob.paidMicro ?? 0n,
      verifierPayoutStatus: rerunJob.status === "completed" ? "pending" : null,
      ...(v.status === "failed" ? { refundMicro: refund } : {}),
      ...(v.status === "passed" && c.kind === "dispute"
        ? { feeMicro: this.settings.disputeFeeMicro }
        : {}),
    };
    await this.record(c, patch, original.job, refund);
    if (v.status === "failed") this.deps.onSlash();
  }

  /**
   * Writes the check's new state, in one transaction with the dispute event on the job's stream
   * (disputes) and the slash row (failures).
   */
  private async record(
    c: CheckRecord,
    patch: CheckPatch,
    job?: JobRecord,
    refundMicro = 0n,
  ): Promise<void> {
    const after: CheckRecord = { ...c, ...patch } as CheckRecord;
    const slashIt = patch.status === "failed" && job;
    const writeCheck = async (tx: Parameters<VerificationStore["updateCheck"]>[0]) => {
      await this.deps.store.updateCheck(tx, c.checkId, patch);
      if (slashIt)
        await this.deps.store.insertSlash(tx, {
          jobId: c.jobId,
          checkId: c.checkId,
          reason: c.kind === "dispute" ? "dispute_upheld" : "spot_check_failed",
          providerId: c.providerId,
          customerId: c.customerId,
          refundMicro,
          penaltyMicro: slashPenalty(refundMicro, this.settings.slashPenaltyBps),
          status: "pending",
          txHash: null,
          blockHeight: null,
          attempts: 0,
          lastError: null,
          nextAttemptAt: patch.updatedAt,
          createdAt: patch.updatedAt,
          updatedAt: patch.updatedAt,
        });
    };
    if (c.kind !== "dispute") return this.deps.transactions.run(writeCheck);
    await this.deps.transitions.change(c.jobId, (found) => {
      if (!found) throw new Error(`job ${c.jobId} of dispute ${c.checkId} is gone`);
      return {
        change: { events: [disputeEvent(after)], also: writeCheck },
        result: () => undefined,
      };
    });
  }

  private async payVerifiers(): Promise<void> {
    for (const c of await this.deps.store.unpaidVerifiers(BATCH)) {
      if (this.stopped || !c.verifierProviderId || !c.rerunJobId) return;
      const provider = await this.deps.accounts.byId(c.verifierProviderId);
      if (!provider) continue;
      try {
        const paid = await this.deps.payouts!.payVerifier({
          jobId: c.rerunJobId,
          providerAddress: provider.address,
          amountMicro: c.verifierPayoutMicro ?? 0n,
        });
        await this.deps.store.updateCheck(undefined, c.checkId, {
          verifierPayoutStatus: "paid",
          verifierPayoutTx: paid.txHash,
          updatedAt: new Date().toISOString(),
        });
      } catch (err) {
        // Stays pending: the next round tries again.
        this.deps.logger.warn({ err, check_id: c.checkId }, "verifier payout failed");
      }
    }
  }
}
