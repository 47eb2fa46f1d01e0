// What a miner reports about a job it holds: progress, completion (with the signed receipt) or
// failure. Every report quotes the lease; a lease that expired or moved is 409 lease_lost.
import { Unprocessable } from "@aitbc/server-lib";
import { receiptHash, type CoordinatorTypes, type Receipt } from "@aitbc/sdk";
import type { JobRecord } from "../jobs/job-types.js";
import type { JobStore } from "../jobs/job-store.js";
import type { MinerStore } from "./miner-store.js";
import type { AccountStore } from "../accounts/account-store.js";
import type { ReceiptStore } from "../receipts/receipt-store.js";
import type { Caller } from "../accounts/caller.js";
import { leaseLost, providerJob, requireLiveLease } from "./lease-rules.js";
import type { Decision, JobTransitions } from "../jobs/job-transitions.js";
import { jobCost } from "../jobs/token-metering.js";
import { endedPaymentStatus, refundChange } from "../jobs/terminal.js";
import { renderPayment } from "../jobs/job-view.js";
import type { ReceiptKeyRing } from "../receipts/receipt-keys.js";
import { checkReceipt } from "../receipts/receipt-check.js";
import { countersignReceipt } from "../receipts/node-ed25519.js";
import type { OutboxWorker, SettlementWatch } from "../settlement/outbox-worker.js";
import type { Tx } from "../store/transactions.js";
import type { SpotChecks } from "../verification/spot-checks.js";
import type { ThroughputMonitor } from "../hardware/throughput-monitor.js";

export interface WorkReportSettings {
  leaseTtlS: number;
  chainId: string;
  settleWaitMs: number;
  meteringToleranceMs: number;
}

export class WorkReports {
  constructor(
    private readonly jobs: JobStore,
    private readonly miners: MinerStore,
    private readonly accounts: AccountStore,
    private readonly receipts: ReceiptStore,
    private readonly transitions: JobTransitions,
    private readonly keys: ReceiptKeyRing,
    private readonly worker: OutboxWorker,
    private readonly settings: WorkReportSettings,
    private readonly throughput: ThroughputMonitor,
    private readonly spotChecks?: SpotChecks,
  ) {}

  async progress(
    caller: Caller,
    jobId: string,
    body: CoordinatorTypes.ProgressRequest,
  ): Promise<CoordinatorTypes.ProgressAccepted> {
    return this.transitions.change<CoordinatorTypes.ProgressAccepted>(jobId, (found) => {
      const job = providerJob(caller, found, jobId);
      const now = new Date();
      const nowIso = now.toISOString();
      // A job cancelled or expired under this very lease: tell the miner to stop.
      if (job.leaseId === body.lease_id && (job.status === "cancelled" || job.status === "expired"))
        return { result: () => ({ accepted: 0, cancelled: true }) };
      requireLiveLease(job, body.lease_id, nowIso);
      const events = body.events.map((e) => ({
        type: "progress" as const,
        data: { kind: e.kind, text: e.text },
      }));
      const first = job.status === "assigned";
      return {
        change: {
          patch: {
            lease_expires_at: new Date(
              now.getTime() + this.settings.leaseTtlS * 1000,
            ).toISOString(),
            ...(first ? { status: "running" as const, started_at: nowIso } : {}),
          },
          events: [
            ...(first ? [{ type: "status" as const, data: { status: "running" } }] : []),
            ...events,
          ],
        },
        result: () => ({ accepted: events.length, cancelled: false }),
      };
    });
  }

  async complete(
    caller: Caller,
    jobId: string,
    body: CoordinatorTypes.CompleteJobRequest,
  ): Promise<CoordinatorTypes.CompleteJobResponse> {
    const received = body.receipt as Receipt;
    const settlement = this.worker.watch(jobId);
    const completed = await this.changeSettling(settlement, jobId, async (found, tx) => {
      const job = providerJob(caller, found, jobId);
      const arrived = new Date();
      const now = arrived.toISOString();
      requireLiveLease(job, body.lease_id, now);
      // Read in the transaction, which holds the job: the live lease pins the job's miner.
      const miner = job.minerId ? await this.miners.byId(job.minerId, tx) : undefined;
      if (!miner) throw leaseLost(jobId, "the miner holding it is unknown");
      const provider = await this.accounts.byId(job.providerId, tx);
      const problems = checkReceipt(received, {
        job,
        output: body.output,
        metering: body.metering,
        minerId: miner.minerId,
        minerPublicKey: miner.publicKey,
        minerModels: miner.capabilities.models,
        chainId: this.settings.chainId,
        bounds: { now: arrived, toleranceMs: this.settings.meteringToleranceMs },
      });
      if (problems.length)
        throw new Unprocessable(
          "receipt_invalid",
          `The receipt does not match the job: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}.`,
          { errors: problems },
        );
      const receipt = countersignReceipt(received, this.keys.current);
      const hash = receiptHash(receipt);
      const cost = jobCost(job, body.metering);
      const refund = job.budgetMicro - cost;
      const paymentStatus = endedPaymentStatus(job, cost);
      const payment = renderPayment({
        ...job,
        paidMicro: cost,
        refundMicro: refund,
        paymentStatus,
      });
      return {
        change: {
          patch: {
            status: "completed",
            finished_at: now,
            ...(job.startedAt ? {} : { started_at: job.assignedAt ?? now }),
            output: JSON.stringify(body.output),
            metering: JSON.stringify(body.metering),
            duration_ms: body.metering.duration_ms,
            paid_micro: cost.toString(),
            refund_micro: refund.toString(),
            payment_status: paymentStatus,
            receipt_hash: hash,
          },
          events: [
            { type: "status", data: { status: "completed" } },
            {
              type: "result",
              data: {
                status: "completed",
                output: body.output,
                receipt,
                receipt_hash: hash,
                payment,
              },
            },
          ],
          settle: {
            kind: "release",
            paidMicro: cost,
            refundMicro: refund,
            providerAddress: provider?.address ?? null,
            receiptHash: hash,
          },
          also: async (tx) => {
            await this.receipts.insert(tx, {
              jobId,
              tenantId: job.tenantId,
              customerId: job.customerId,
              providerId: job.providerId,
              receiptHash: hash,
              receipt,
              createdAt: now,
            });
            await this.spotChecks?.consider(tx, job, now);
            await this.throughput.afterCompletion(tx, job, miner, body.metering, now);
          },
        },
        result: (after) => ({ receipt, hash, after }),
      };
    });
    this.spotChecks?.kick();
    return {
      job_id: jobId,
      status: "completed",
      receipt: completed.receipt as CoordinatorTypes.Receipt,
      receipt_hash: completed.hash,
      payment: await this.paymentAfterSettling(completed.after, settlement),
    };
  }

  async fail(
    caller: Caller,
    jobId: string,
    body: CoordinatorTypes.FailJobRequest,
  ): Promise<CoordinatorTypes.FailJobResponse> {
    const settlement = this.worker.watch(jobId);
    const failed = await this.changeSettling(settlement, jobId, (found) => {
      const job = providerJob(caller, found, jobId);
      requireLiveLease(job, body.lease_id, new Date().toISOString());
      return {
        change: refundChange(job, "failed", "miner_reported_failure", {
          code: body.code,
          message: body.message,
        }),
        result: (after) => after,
      };
    });
    return {
      job_id: jobId,
      status: "failed",
      payment: await this.paymentAfterSettling(failed, settlement),
    };
  }

  /** A change that queues a settlement, with the watch on it dropped if the change is refused. */
  private async changeSettling<T>(
    settlement: SettlementWatch,
    jobId: string,
    decide: (job: JobRecord | undefined, tx: Tx) => Promise<Decision<T>> | Decision<T>,
  ): Promise<T> {
    try {
      return await this.transitions.change(jobId, decide);
    } catch (err) {
      settlement.cancel();
      throw err;
    }
  }

  /**
   * The job's payment once its settlement is done (or after settleWaitMs): as this change left
   * it plus what the settlement worker wrote, or, when the settlement did not finish here, as
   * stored.
   */
  private async paymentAfterSettling(
    job: JobRecord,
    settlement: SettlementWatch,
  ): Promise<CoordinatorTypes.Payment> {
    // A deposit job's or a re-run's end wrote no outbox item: its payment is final as the change left it.
    if (job.funding !== "escrow") {
      settlement.cancel();
      return renderPayment(job);
    }
    const written = await settlement.settled(this.settings.settleWaitMs);
    if (written === undefined) return renderPayment((await this.jobs.byId(job.jobId))!);
    return renderPayment(written ? { ...job, ...written } : job);
  }
}
