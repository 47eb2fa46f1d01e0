// What the coordinator checks before it countersigns a miner's receipt. Every problem is named by
// field; any problem means 422 receipt_invalid and the job stays with the miner's lease.
import { contentDigest, receiptSigningBytes, type Receipt } from "@aitbc/sdk";
import {
  isInference,
  type JobMetering,
  type JobOutput,
  type JobRecord,
} from "../jobs/job-types.js";
import { meteredCost, unitsFromDuration } from "../jobs/metering.js";
import {
  TOKEN_SLACK,
  jobCost,
  jobInput,
  jobTokenCounter,
  outputTokenLimit,
} from "../jobs/token-metering.js";
import { verifyEd25519 } from "./node-ed25519.js";

export interface ReceiptProblem {
  field: string;
  message: string;
}

export function inputHash(job: JobRecord): string {
  return contentDigest(jobInput(job.requirements));
}

/**
 * The metering the coordinator can vouch for: no more GPU time than it saw between the claim
 * and this completion (plus a tolerance), no more tokens than the job allowed and the texts hold.
 */
function meteringProblems(
  job: JobRecord,
  output: JobOutput,
  metering: JobMetering,
  bounds: MeteringBounds,
): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  const claimedAt = job.assignedAt ? Date.parse(job.assignedAt) : Number.NaN;
  const observedMs = Number.isNaN(claimedAt) ? 0 : Math.max(0, bounds.now.getTime() - claimedAt);
  const maxDuration = observedMs + bounds.toleranceMs;
  if (metering.duration_ms > maxDuration)
    problems.push({
      field: "body.metering.duration_ms",
      message: `must be at most ${maxDuration} (the ${observedMs} ms since the claim + ${bounds.toleranceMs} ms)`,
    });
  const maxIn = Buffer.byteLength(jobInput(job.requirements), "utf8") + TOKEN_SLACK;
  if (metering.tokens_in > maxIn)
    problems.push({
      field: "body.metering.tokens_in",
      message: `must be at most ${maxIn} (the input's bytes + ${TOKEN_SLACK})`,
    });
  const maxTokens = isInference(job.requirements) ? job.requirements.max_tokens : undefined;
  const outBytes = Buffer.byteLength(output.text, "utf8") + TOKEN_SLACK;
  const maxOut = maxTokens !== undefined ? Math.min(maxTokens, outBytes) : outBytes;
  if (metering.tokens_out > maxOut)
    problems.push({
      field: "body.metering.tokens_out",
      message: `must be at most ${maxOut} (max_tokens, and the output's bytes + ${TOKEN_SLACK})`,
    });
  if (job.unitType === "tokens") problems.push(...billedTokenProblems(job, output, metering));
  return problems;
}

/**
 * The token counts a token-priced job is billed for: re-counted with the model's tokenizer when
 * the SDK has it (a miner bills that count, never more), else bounded by the output limit the
 * job had (its max_tokens, or the miners' default when it gave none).
 */
function billedTokenProblems(
  job: JobRecord,
  output: JobOutput,
  metering: JobMetering,
): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  const count = jobTokenCounter(job.requirements);
  const model = isInference(job.requirements) ? job.requirements.model : "";
  if (count) {
    const out = count(output.text);
    if (metering.tokens_out > out)
      problems.push({
        field: "body.metering.tokens_out",
        message: `must be at most ${out}, the tokens of output.text by the tokenizer of ${model}`,
      });
    const input = count(jobInput(job.requirements));
    if (metering.tokens_in > input)
      problems.push({
        field: "body.metering.tokens_in",
        message: `must be at most ${input}, the tokens of the prompt by the tokenizer of ${model}`,
      });
  } else {
    const limit = outputTokenLimit(job.requirements);
    if (metering.tokens_out > limit)
      problems.push({
        field: "body.metering.tokens_out",
        message: `must be at most ${limit}, the job's output limit`,
      });
  }
  return problems;
}

/** How a receipt writes a job's temperature: the number's shortest decimal form, 0 when absent. */
export function receiptTemperature(temperature: number | undefined): string {
  return String(temperature ?? 0);
}

export interface MeteringBounds {
  /** When the completion arrived. */
  now: Date;
  toleranceMs: number;
}

export function checkReceipt(
  receipt: Receipt,
  ctx: {
    job: JobRecord;
    output: JobOutput;
    metering: JobMetering;
    minerId: string;
    minerPublicKey: string;
    /** The models the miner registered (name → digest). */
    minerModels: ReadonlyArray<{ name: string; digest: string }>;
    chainId: string;
    bounds: MeteringBounds;
  },
): ReceiptProblem[] {
  const { job } = ctx;
  const problems = meteringProblems(job, ctx.output, ctx.metering, ctx.bounds);
  const expect = (field: keyof Receipt, want: unknown, what?: string) => {
    if (receipt[field] !== want)
      problems.push({
        field: `body.receipt.${field}`,
        message: `must be ${what ?? JSON.stringify(want)}`,
      });
  };
  expect("job_id", job.jobId);
  expect("service_id", job.serviceId);
  expect("provider_id", job.providerId);
  expect("customer_id", job.customerId);
  expect("chain_id", ctx.chainId);
  if (receipt.miner_id !== undefined) expect("miner_id", ctx.minerId);
  if (isInference(job.requirements)) {
    expect("model", job.requirements.model);
    const model = job.requirements.model;
    const registered = ctx.minerModels.find((m) => m.name === model)?.digest;
    if (receipt.model_digest !== undefined && registered !== undefined)
      expect("model_digest", registered, `the digest the miner registered for ${model}`);
    // A receipt that names how it ran must name what the job asked for; a re-run repeats it.
    const { seed, temperature } = job.requirements;
    if (receipt.seed !== undefined && seed !== undefined) expect("seed", seed);
    if (receipt.temperature !== undefined)
      expect("temperature", receiptTemperature(temperature), "the job's temperature");
  }
  expect("input_hash", inputHash(job), "sha256: of the job's input");
  expect("output_hash", contentDigest(ctx.output.text), "sha256: of output.text");
  expect("unit_type", job.unitType);
  expect("unit_price", job.unitPriceMicro.toString());
  if (job.unitType === "tokens") {
    expect("input_unit_price", job.inputPriceMicro?.toString(), "the job's input price per 1k");
    expect("units", String(ctx.metering.tokens_out), "metering.tokens_out");
    expect(
      "cost",
      jobCost(job, ctx.metering).toString(),
      "min(ceil(unit_price × tokens_out ÷ 1000) + ceil(input_unit_price × tokens_in ÷ 1000), budget)",
    );
    // A token receipt bills its counts, so it must carry them.
    expect("tokens_in", ctx.metering.tokens_in);
    expect("tokens_out", ctx.metering.tokens_out);
  } else {
    expect(
      "units",
      unitsFromDuration(ctx.metering.duration_ms),
      "metering.duration_ms / 1000 with 3 decimals",
    );
    expect(
      "cost",
      meteredCost(job.unitPriceMicro, ctx.metering.duration_ms, job.budgetMicro).toString(),
      "min(floor(unit_price × duration_ms ÷ 3600000), budget)",
    );
    if (receipt.input_unit_price !== undefined)
      expect("input_unit_price", undefined, "absent for a price per hour");
    if (receipt.tokens_in !== undefined) expect("tokens_in", ctx.metering.tokens_in);
    if (receipt.tokens_out !== undefined) expect("tokens_out", ctx.metering.tokens_out);
  }
  const started = Date.parse(receipt.started_at);
  const completed = Date.parse(receipt.completed_at);
  if (Number.isNaN(started) || Number.isNaN(completed) || completed < started)
    problems.push({ field: "body.receipt.completed_at", message: "must not be before started_at" });

  const keyId = `provider:${job.providerId}`;
  if (receipt.signatures.length !== 1 || receipt.signatures[0]!.key_id !== keyId) {
    problems.push({
      field: "body.receipt.signatures",
      message: `must hold exactly one signature, by ${keyId}`,
    });
  } else {
    const s = receipt.signatures[0]!;
    if (s.public_key !== ctx.minerPublicKey) {
      problems.push({
        field: "body.receipt.signatures[0].public_key",
        message: "is not the key this miner registered",
      });
    } else {
      let ok: boolean;
      try {
        ok = verifyEd25519(s.sig, receiptSigningBytes(receipt), s.public_key);
      } catch {
        ok = false;
      }
      if (!ok)
        problems.push({
          field: "body.receipt.signatures[0].sig",
          message: "does not verify over the receipt (RFC 8785 JSON without signatures)",
        });
    }
  }
  return problems;
}
