// What the coordinator checks before it countersigns a miner's receipt. Every problem is named by
// field; any problem means 422 receipt_invalid and the job stays with the miner's lease.
import { canonicalize, contentDigest, receiptSigningBytes, type Receipt } from "@aitbc/sdk";
import {
  isInference,
  type JobMetering,
  type JobOutput,
  type JobRecord,
} from "../../data/jobs-repo.js";
import { meteredCost, unitsFromDuration } from "../jobs/metering.js";
import { verifyEd25519 } from "./node-ed25519.js";

export interface ReceiptProblem {
  field: string;
  message: string;
}

export function inputHash(job: JobRecord): string {
  return isInference(job.requirements)
    ? contentDigest(job.requirements.prompt)
    : contentDigest(canonicalize(job.requirements));
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
  },
): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  const { job } = ctx;
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
  }
  expect("input_hash", inputHash(job), "sha256: of the job's input");
  expect("output_hash", contentDigest(ctx.output.text), "sha256: of output.text");
  expect("unit_type", "gpu_seconds");
  expect("unit_price", job.unitPriceMicro.toString());
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
  if (receipt.tokens_in !== undefined) expect("tokens_in", ctx.metering.tokens_in);
  if (receipt.tokens_out !== undefined) expect("tokens_out", ctx.metering.tokens_out);
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
