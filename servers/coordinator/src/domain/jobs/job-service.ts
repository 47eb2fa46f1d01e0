// The customer's side of jobs: create (match, reserve or lock the budget, queue), read, cancel,
// list.
import { randomBytes } from "node:crypto";
import {
  AppError,
  Conflict,
  Forbidden,
  NotFound,
  Unavailable,
  type Logger,
} from "@aitbc/server-lib";
import { fromMicro, type CoordinatorTypes } from "@aitbc/sdk";
import {
  isInference,
  type JobRecord,
  type PublicJobStatus,
  type Requirements,
} from "./job-types.js";
import type { JobStore } from "./job-store.js";
import type { OutboxStore } from "../settlement/outbox-store.js";
import type { ReceiptStore } from "../receipts/receipt-store.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { parseAmount } from "../amounts.js";
import {
  actsForCustomer,
  adminScope,
  canSeeJob,
  requireRole,
  type Caller,
} from "../accounts/caller.js";
import { reclaimRecord } from "../settlement/outbox-records.js";
import type { Idempotency } from "../store/transactions.js";
import type { SettlementPort } from "../settlement/settlement-port.js";
import type { Matcher } from "./matcher.js";
import type { JobTransitions } from "./job-transitions.js";
import { refundChange } from "./terminal.js";
import { renderJob, renderPayment, type JobView } from "./job-view.js";
import type { DepositLedger, DepositNeed } from "../deposits/deposit-ledger.js";
import { DepositInsufficient } from "../deposits/deposit-insufficient.js";

type CreateBody = CoordinatorTypes.CreateJobRequest;

export const DEFAULT_TTL_S = 900;

export class JobService {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly jobs: JobStore,
    private readonly receipts: ReceiptStore,
    private readonly outbox: OutboxStore,
    private readonly matcher: Matcher,
    private readonly transitions: JobTransitions,
    private readonly settlement: SettlementPort,
    private readonly deposits: DepositLedger,
    private readonly onSettle: () => void,
    private readonly logger: Logger,
  ) {}

  async create(
    caller: Caller,
    body: CreateBody,
    idempotencyKey: string | undefined,
  ): Promise<{ status: number; body: JobView }> {
    requireRole(caller, "customer");
    if (body.customer_id !== undefined && body.customer_id !== caller.id)
      throw new Forbidden(`customer_id ${body.customer_id} is not the caller (${caller.id}).`);
    const budgetMicro = parseAmount(body.budget.max_cost, "body.budget.max_cost", {
      positive: true,
    });
    const requirements = body.requirements as Requirements;
    return this.idempotency.run(
      { scope: `createJob:${caller.id}`, key: idempotencyKey, body },
      async () => ({
        status: 201,
        body: await this.createNow(caller, body, requirements, budgetMicro),
      }),
    );
  }

  private async createNow(
    caller: Caller,
    body: CreateBody,
    requirements: Requirements,
    budgetMicro: bigint,
  ): Promise<JobView> {
    const { service, notes } = await this.matcher.match(requirements, body.service_id, budgetMicro);
    const now = new Date();
    const ttl = body.ttl_seconds ?? DEFAULT_TTL_S;
    const job: JobRecord = {
      jobId: randomBytes(16).toString("hex"),
      tenantId: caller.tenantId,
      customerId: caller.id,
      serviceId: service.serviceId,
      providerId: service.providerId,
      status: "pending",
      taskType: requirements.task_type,
      model: isInference(requirements) ? requirements.model : null,
      requirements,
      budgetMicro,
      unitPriceMicro: service.rateMicro,
      unitType: service.unitType,
      inputPriceMicro: service.inputPriceMicro,
      ttlSeconds: ttl,
      attempts: 0,
      minerId: null,
      leaseId: null,
      leaseExpiresAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      assignedAt: null,
      startedAt: null,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
      notes,
      failureCode: null,
      failureMessage: null,
      output: null,
      metering: null,
      durationMs: null,
      paidMicro: null,
      refundMicro: null,
      paymentStatus: "locked",
      funding: "escrow",
      batchId: null,
      lockTxHash: null,
      settleTxHash: null,
      receiptHash: null,
      lastSeq: 0,
    };
    const funding = body.funding ?? "auto";
    if (funding !== "escrow") {
      const reserved = await this.createFromDeposit(caller, job, funding);
      if (reserved) return renderJob(reserved);
      if (funding === "deposit") {
        const available = caller.address ? await this.deposits.available(caller.address) : 0n;
        throw new DepositInsufficient(
          `The budget of ${fromMicro(budgetMicro)} AITBC is more than the unreserved active deposit of ${fromMicro(available > 0n ? available : 0n)} AITBC.`,
        );
      }
    }
    // The row exists (invisible, `pending`) before the money moves, so a lock is never orphaned
    // by a crash: the sweeper reclaims locks of pending jobs that never got queued.
    await this.jobs.insert(undefined, job);
    let lock;
    try {
      lock = await this.settlement.lockEscrow(
        { jobId: job.jobId, amountMicro: budgetMicro },
        caller.apiKey,
      );
    } catch (err) {
      await this.abandon(job, err);
      throw err instanceof AppError
        ? err
        : new Unavailable("The wallet could not lock the budget. Retry in a few seconds.");
    }
    const queued = await this.transitions.queueCreated(job, lock.txHash);
    if (!queued) throw new NotFound(`No job with id ${job.jobId}.`);
    return renderJob(queued);
  }

  /**
   * The job queued at once with its budget reserved against the customer's deposit, or undefined
   * when the deposit cannot cover it (nothing written then).
   */
  private async createFromDeposit(
    caller: Caller,
    job: JobRecord,
    need: DepositNeed,
  ): Promise<JobRecord | undefined> {
    const owner = caller.address;
    if (!owner) return undefined;
    await this.deposits.refresh(owner, job.budgetMicro, need);
    return this.transitions.createReserved(job, (tx) =>
      this.deposits.tryReserve(tx, owner, job.jobId, job.budgetMicro),
    );
  }

  /** A lock that failed: drop the job, and reclaim the escrow if the lock may have happened. */
  private async abandon(job: JobRecord, err: unknown): Promise<void> {
    const definite =
      err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 408;
    if (!definite) {
      this.logger.warn(
        { err, job_id: job.jobId },
        "escrow lock outcome unknown; reclaiming it if it lands",
      );
      const now = new Date().toISOString();
      await this.outbox.insert(
        undefined,
        reclaimRecord(job, now, new Date(Date.now() + 5000).toISOString()),
      );
      this.onSettle();
    }
    await this.jobs.delete(job.jobId);
  }

  async get(caller: Caller, jobId: string): Promise<JobRecord> {
    const job = await this.jobs.byId(jobId);
    if (!job || job.status === "pending" || !canSeeJob(caller, job))
      throw new NotFound(`No job with id ${jobId}.`);
    return job;
  }

  async status(caller: Caller, jobId: string): Promise<JobView> {
    return renderJob(await this.get(caller, jobId));
  }

  async results(caller: Caller, jobId: string): Promise<CoordinatorTypes.JobResults> {
    const job = await this.get(caller, jobId);
    const receipt = job.status === "completed" ? await this.receipts.byJob(jobId) : undefined;
    return {
      job_id: job.jobId,
      status: job.status as PublicJobStatus,
      result:
        job.status === "completed" && job.output && job.metering
          ? {
              output: job.output,
              metering: job.metering,
              model: job.model,
              miner_id: job.minerId ?? "",
            }
          : null,
      receipt: (receipt?.receipt as CoordinatorTypes.Receipt | undefined) ?? null,
      receipt_hash: receipt?.receiptHash ?? null,
      payment: renderPayment(job),
      failure: job.failureCode
        ? { code: job.failureCode, message: job.failureMessage ?? "" }
        : null,
    };
  }

  async cancel(caller: Caller, jobId: string): Promise<JobView> {
    return this.transitions.change(jobId, (job) => {
      if (!job || job.status === "pending" || !canSeeJob(caller, job))
        throw new NotFound(`No job with id ${jobId}.`);
      if (!actsForCustomer(caller, job))
        throw new Forbidden("Only the job's customer (or an admin of its tenant) may cancel it.");
      if (job.status === "cancelled") return { result: (j) => renderJob(j) };
      if (job.status === "completed" || job.status === "failed" || job.status === "expired")
        throw new Conflict("job_not_cancellable", `Job ${jobId} already finished (${job.status}).`);
      const reason = caller.role === "admin" ? "cancelled_by_admin" : "cancelled_by_customer";
      return { change: refundChange(job, "cancelled", reason), result: (j) => renderJob(j) };
    });
  }

  async list(
    caller: Caller,
    q: {
      status?: PublicJobStatus;
      limit: number;
      cursor?: string;
      providerId?: string;
      customerId?: string;
    },
    asAdmin = false,
  ): Promise<{ jobs: JobView[]; next_cursor: string | null }> {
    if (asAdmin) requireRole(caller, "admin");
    const before = decodeCursor(q.cursor, ["c", "j"] as const);
    const scope =
      caller.role === "admin"
        ? { ...(adminScope(caller) ? { tenantId: adminScope(caller)! } : {}) }
        : caller.role === "provider"
          ? { providerId: caller.id }
          : { customerId: caller.id };
    const rows = await this.jobs.list(
      {
        ...scope,
        ...(asAdmin && q.providerId ? { providerId: q.providerId } : {}),
        ...(asAdmin && q.customerId ? { customerId: q.customerId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(before ? { before: { createdAt: before.c, jobId: before.j } } : {}),
      },
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      jobs: page.map(renderJob),
      next_cursor:
        rows.length > q.limit && last ? encodeCursor({ c: last.createdAt, j: last.jobId }) : null,
    };
  }
}
