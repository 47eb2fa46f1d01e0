// How a job, its results and its payment are shown, shared by submit, status and results.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { formatFields } from "../output/table.js";
import { aitbc, shortHash, state, time } from "../output/format.js";
import { priceText } from "../output/price.js";

export function requirementsSummary(req: CoordinatorTypes.JobRequirements): string {
  if (req.task_type === "inference" && "prompt" in req) {
    const prompt = req.prompt.length > 60 ? `${req.prompt.slice(0, 57)}…` : req.prompt;
    return `inference on ${req.model}: "${prompt}"`;
  }
  return `${req.task_type}${"framework" in req && req.framework ? ` (${req.framework})` : ""}`;
}

export function paymentSummary(p: CoordinatorTypes.Payment): string {
  const parts = [`${state(p.status)} ${aitbc(p.amount)}`];
  if (p.paid !== null) parts.push(`paid ${aitbc(p.paid)}`);
  if (p.refund !== null) parts.push(`refund ${aitbc(p.refund)}`);
  return parts.join(", ");
}

export function jobFields(job: CoordinatorTypes.Job): string {
  return formatFields([
    ["Job ID", job.job_id],
    ["Status", state(job.status)],
    ["Task", requirementsSummary(job.requirements)],
    ["Service", `${job.service_id} (provider ${job.provider_id})`],
    ["Miner", job.miner_id],
    ["Budget", aitbc(job.budget.max_cost)],
    [
      "Price",
      job.pricing.unit_type === "tokens"
        ? priceText(job.pricing)
        : `${job.pricing.rate_per_hour} AITBC/hour, metered per GPU-second`,
    ],
    ["Payment", paymentSummary(job.payment)],
    [
      "Funding",
      job.payment.funding === "deposit"
        ? `prepaid deposit${job.payment.batch_id ? `, settlement batch ${job.payment.batch_id}` : ""}`
        : "escrow locked for this job",
    ],
    ["Escrow lock tx", job.payment.lock_tx_hash],
    ["Settlement tx", job.payment.tx_hash],
    ["Created", time(job.created_at)],
    ["Started", time(job.started_at)],
    ["Finished", time(job.finished_at)],
    ["Expires", time(job.expires_at)],
    ...(job.failure
      ? ([["Failure", `${job.failure.code}: ${job.failure.message}`]] as Array<[string, string]>)
      : []),
    ...job.notes.map((n): [string, string] => ["Note", n]),
  ]);
}

export function shortTx(hash: string | null): string {
  return shortHash(hash);
}
