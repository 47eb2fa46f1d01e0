// Runs one claimed job from start to end: execute with live progress, then complete with a signed
// receipt, or report the failure with a code. Jobs that the coordinator took away (cancelled,
// expired, lease lost) are abandoned without a report; a job the miner stops because it is
// shutting down is released, so that another miner can take it at once.
import { randomInt } from "node:crypto";
import {
  ConflictError,
  NetworkError,
  ServerError,
  createBackoff,
  parseMicro,
  sleep,
  UnprocessableError,
} from "@aitbc/sdk";
import {
  ExecutorFailure,
  type Executor,
  type ExecutionResult,
  type ServedModel,
} from "../executors/executor.js";
import type { Claim, CoordinatorLink } from "./coordinator-link.js";
import { createProgressStream } from "./progress-stream.js";
import { maxDurationForBudget } from "./metering.js";
import { buildSignedReceipt } from "./receipt-builder.js";
import { billTokens, tokenJobMaxTokens } from "./token-billing.js";
import type { MinerLogger } from "./logger.js";
import { describeError } from "./describe-error.js";
import { releaseJob } from "./release-job.js";

/** Why the miner stopped a job it holds; only some of these are reported to the coordinator. */
export type StopReason =
  | { kind: "cancelled" } // customer cancel or expiry seen by the coordinator: nothing to report
  | { kind: "lease_lost" } // 409: another miner may hold it now
  | { kind: "timeout" } // the job's TTL passed on our clock: report `timeout`
  | { kind: "shutdown" }; // the miner is stopping: release the job so another miner takes it

export class JobStop extends Error {
  constructor(readonly reason: StopReason) {
    super(`job stopped: ${reason.kind}`);
  }
}

export interface JobContext {
  link: CoordinatorLink;
  executor: Executor;
  models: ServedModel[];
  minerId: string;
  minerName: string;
  secretKey: Uint8Array;
  logger: MinerLogger;
}

export type JobOutcome =
  | { status: "completed"; result: ExecutionResult; cost: bigint }
  | { status: "failed"; code: string }
  /** Handed back to the coordinator, which queued it for another miner. */
  | { status: "released" }
  /** Let go without a word: the coordinator took it away, or a release did not get through. */
  | { status: "abandoned"; reason: StopReason["kind"] };

export interface RunningJob {
  jobId: string;
  /** Stops the job; `shutdown`, `cancelled` and `lease_lost` are never reported as failures. */
  stop(reason: StopReason): void;
  done: Promise<JobOutcome>;
}

export function startJob(ctx: JobContext, claim: Claim): RunningJob {
  const controller = new AbortController();
  const stop = (reason: StopReason) => {
    if (!controller.signal.aborted) controller.abort(new JobStop(reason));
  };
  return { jobId: claim.job.job_id, stop, done: runJob(ctx, claim, controller, stop) };
}

async function runJob(
  ctx: JobContext,
  claim: Claim,
  controller: AbortController,
  stop: (reason: StopReason) => void,
): Promise<JobOutcome> {
  const { job, lease } = claim;
  const log = ctx.logger;
  const signal = controller.signal;
  // The job's TTL is on the coordinator's clock. The lease was issued "now + ttl_s" by that clock,
  // which gives the offset to ours without trusting both clocks to agree.
  const skewMs = Date.parse(lease.expires_at) - lease.ttl_s * 1000 - Date.now();
  const ttlTimer = setTimeout(
    () => stop({ kind: "timeout" }),
    Math.max(0, Date.parse(job.expires_at) - skewMs - Date.now()),
  );
  try {
    const req = job.requirements;
    if (req.task_type !== "inference" || !("prompt" in req)) {
      return await report(
        ctx,
        claim,
        "unsupported_task",
        `this miner runs inference jobs, not ${req.task_type}`,
      );
    }
    const model = ctx.models.find((m) => m.name === req.model);
    if (!model) {
      return await report(ctx, claim, "model_not_found", `this miner does not serve ${req.model}`);
    }
    const unitPrice = parseMicro(job.pricing.unit_price);
    const budget = parseMicro(job.budget.max_cost_micro);
    const unitType = job.pricing.unit_type;
    const inputUnitPrice =
      job.pricing.input_unit_price !== undefined
        ? parseMicro(job.pricing.input_unit_price)
        : undefined;
    const prices = { outputPer1kMicro: unitPrice, inputPer1kMicro: inputUnitPrice };
    const progress = createProgressStream({
      send: (events) => ctx.link.progress(job.job_id, lease.lease_id, events),
      onCancelled: () => stop({ kind: "cancelled" }),
      onLeaseLost: () => stop({ kind: "lease_lost" }),
      onError: (err) =>
        log.warn("progress not delivered", { job_id: job.job_id, error: describeError(err) }),
    });
    // The first progress event moves the job to `running` and tells the customer who runs it.
    progress.log(
      `${ctx.minerName}: running ${model.name}${model.label ? ` (${model.label})` : ""} on ${ctx.executor.kind}`,
    );
    log.info("job started", {
      job_id: job.job_id,
      model: model.name,
      lease_expires_at: lease.expires_at,
    });

    // Every run is seeded, the job's seed or one drawn here, so the receipt can say exactly what
    // ran and a re-run on another miner can repeat it.
    const sampling = { temperature: req.temperature ?? 0, seed: req.seed ?? drawSeed() };
    let result: ExecutionResult;
    try {
      // Time is free for a token-priced job; its budget limits the tokens instead.
      const maxDurationMs =
        unitType === "tokens" ? undefined : maxDurationForBudget(unitPrice, budget);
      const maxTokens =
        unitType === "tokens"
          ? tokenJobMaxTokens(model.name, req.prompt, req.max_tokens, prices, budget)
          : req.max_tokens;
      result = await ctx.executor.run(
        {
          model: model.name,
          prompt: req.prompt,
          ...(maxTokens !== undefined ? { maxTokens } : {}),
          ...sampling,
          ...(maxDurationMs !== undefined ? { maxDurationMs } : {}),
        },
        { signal, onChunk: (text) => progress.token(text) },
      );
    } catch (err) {
      await progress.flush();
      const stopReason = signal.reason instanceof JobStop ? signal.reason.reason : undefined;
      if (stopReason?.kind === "shutdown") return await handBack(ctx, claim);
      if (stopReason && stopReason.kind !== "timeout") {
        log.info("job abandoned", { job_id: job.job_id, reason: stopReason.kind });
        return { status: "abandoned", reason: stopReason.kind };
      }
      if (stopReason?.kind === "timeout") {
        return await report(ctx, claim, "timeout", `the job's TTL passed at ${job.expires_at}`);
      }
      const failure =
        err instanceof ExecutorFailure
          ? err
          : new ExecutorFailure("executor_error", describeError(err));
      return await report(ctx, claim, failure.code, failure.message);
    }

    // Every token reaches the job's stream before the result does.
    await progress.flush();
    if (signal.aborted) {
      const reason = (signal.reason as JobStop).reason.kind;
      if (reason === "timeout")
        return await report(ctx, claim, "timeout", `the job's TTL passed at ${job.expires_at}`);
      // Stopping, but the output is already here: completing it beats handing it back.
      if (reason !== "shutdown") return { status: "abandoned", reason };
    }
    if (unitType === "tokens") {
      const bill = billTokens(model.name, req.prompt, result.text, result, prices, budget);
      result = { ...result, tokensIn: bill.tokensIn, tokensOut: bill.tokensOut };
    }
    const work = buildSignedReceipt(
      {
        job_id: job.job_id,
        service_id: job.service_id,
        provider_id: job.provider_id,
        customer_id: job.customer_id,
        chain_id: job.chain_id,
        prompt: req.prompt,
        unitPrice,
        budget,
        unitType,
        inputUnitPrice,
      },
      ctx.minerId,
      model,
      result,
      sampling,
      ctx.secretKey,
    );
    try {
      await withRetries(() =>
        ctx.link.complete(job.job_id, {
          lease_id: lease.lease_id,
          output: { text: result.text, finish_reason: result.finishReason },
          metering: {
            duration_ms: result.durationMs,
            tokens_in: result.tokensIn,
            tokens_out: result.tokensOut,
          },
          receipt: work.receipt,
        }),
      );
    } catch (err) {
      if (err instanceof ConflictError) {
        log.warn("completion refused: the lease was lost", { job_id: job.job_id, code: err.code });
        return { status: "abandoned", reason: "lease_lost" };
      }
      if (err instanceof UnprocessableError) {
        // The coordinator holds the job until TTL otherwise; fail it so the customer is refunded.
        log.error("receipt rejected", { job_id: job.job_id, code: err.code, detail: err.message });
        return await report(ctx, claim, err.code || "receipt_invalid", err.message);
      }
      throw err;
    }
    log.info("job completed", {
      job_id: job.job_id,
      finish_reason: result.finishReason,
      tokens_out: result.tokensOut,
      duration_ms: result.durationMs,
      cost_micro: work.cost.toString(),
    });
    return { status: "completed", result, cost: work.cost };
  } catch (err) {
    log.error("job ended with an unexpected error", {
      job_id: job.job_id,
      error: describeError(err),
    });
    return { status: "abandoned", reason: "lease_lost" };
  } finally {
    clearTimeout(ttlTimer);
  }
}

/** A seed for a job that gave none: any of the 2^32 the spec allows. */
function drawSeed(): number {
  return randomInt(0, 2 ** 32);
}

/** The miner is stopping with the job unfinished: hand it back, or let its lease lapse. */
async function handBack(ctx: JobContext, claim: Claim): Promise<JobOutcome> {
  const released = await releaseJob(
    ctx.link,
    { jobId: claim.job.job_id, leaseId: claim.lease.lease_id },
    "the miner is shutting down (grace period over)",
    ctx.logger,
  );
  if (released) return { status: "released" };
  ctx.logger.info("job abandoned", { job_id: claim.job.job_id, reason: "shutdown" });
  return { status: "abandoned", reason: "shutdown" };
}

async function report(
  ctx: JobContext,
  claim: Claim,
  code: string,
  message: string,
): Promise<JobOutcome> {
  const jobId = claim.job.job_id;
  ctx.logger.warn("job failed", { job_id: jobId, code, message });
  try {
    await withRetries(() => ctx.link.fail(jobId, claim.lease.lease_id, code, message));
  } catch (err) {
    // 409: the coordinator already finished it (expired, cancelled) or gave it to another miner.
    ctx.logger.warn("failure report not accepted", { job_id: jobId, error: describeError(err) });
  }
  return { status: "failed", code };
}

/** Retries transient errors (coordinator restarting) a few times; the lease bounds how long. */
async function withRetries<T>(call: () => Promise<T>, attempts = 6): Promise<T> {
  const backoff = createBackoff(300, 5000);
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (err) {
      const transient = err instanceof NetworkError || err instanceof ServerError;
      if (!transient || i >= attempts) throw err;
      await sleep(backoff.next());
    }
  }
}
