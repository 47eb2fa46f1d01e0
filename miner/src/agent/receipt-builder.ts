// Builds and signs the miner's half of a receipt (spec/common/schemas/Receipt.yaml). The
// coordinator checks every field against the job and countersigns it. A token-priced job's
// result carries the counts it bills (token-billing.ts).
import { randomBytes } from "node:crypto";
import { contentDigest, meteredTokenCost, signReceipt, type Receipt } from "@aitbc/sdk";
import type { ExecutionResult, ServedModel } from "../executors/executor.js";
import { meter } from "./metering.js";

export interface ReceiptJob {
  job_id: string;
  service_id: string;
  provider_id: string;
  customer_id: string;
  chain_id: string;
  prompt: string;
  unitPrice: bigint;
  budget: bigint;
  /** How the job is priced; a token-priced job also names its input price, if any. */
  unitType: "gpu_seconds" | "tokens";
  inputUnitPrice?: bigint | undefined;
}

/** How the sampler ran: recorded so that the run can be repeated. */
export interface Sampling {
  temperature: number;
  seed: number;
}

export interface SignedWork {
  receipt: Receipt;
  cost: bigint;
  units: string;
}

export function buildSignedReceipt(
  job: ReceiptJob,
  minerId: string,
  model: ServedModel,
  result: ExecutionResult,
  sampling: Sampling,
  secretKey: Uint8Array,
): SignedWork {
  const { units, cost } =
    job.unitType === "tokens"
      ? {
          units: String(result.tokensOut),
          cost: meteredTokenCost(
            { outputPer1kMicro: job.unitPrice, inputPer1kMicro: job.inputUnitPrice },
            result.tokensIn,
            result.tokensOut,
            job.budget,
          ),
        }
      : meter(result.durationMs, job.unitPrice, job.budget);
  const receipt = signReceipt(
    {
      receipt_id: randomBytes(16).toString("hex"),
      job_id: job.job_id,
      service_id: job.service_id,
      provider_id: job.provider_id,
      customer_id: job.customer_id,
      miner_id: minerId,
      model: model.name,
      model_digest: model.digest,
      input_hash: contentDigest(job.prompt),
      output_hash: contentDigest(result.text),
      units,
      unit_type: job.unitType,
      unit_price: job.unitPrice.toString(),
      ...(job.inputUnitPrice !== undefined
        ? { input_unit_price: job.inputUnitPrice.toString() }
        : {}),
      cost: cost.toString(),
      tokens_in: result.tokensIn,
      tokens_out: result.tokensOut,
      seed: sampling.seed,
      // A string, as the coordinator expects it: the number's shortest decimal form, exact when signed.
      temperature: String(sampling.temperature),
      ...(result.executor
        ? { executor: result.executor.name, executor_version: result.executor.version }
        : {}),
      // Both ends of the metered window, so completed_at − started_at is exactly duration_ms.
      started_at: new Date(result.startedAt).toISOString(),
      completed_at: new Date(result.startedAt + result.durationMs).toISOString(),
      chain_id: job.chain_id,
    },
    { secretKey, keyId: `provider:${job.provider_id}` },
  );
  return { receipt, cost, units };
}
