// `aitbc submit inference`: submits a job and prints its id, service, budget and how it is paid.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { amountOption, booleanOption, intOption, requiredString, stringOption } from "../args.js";
import { CommandFailed, UsageError } from "../output/explain-error.js";
import { aitbc } from "../output/format.js";
import { priceText, tokenCostEstimate } from "../output/price.js";
import type { Command } from "./command.js";
import { paymentSummary } from "./job-view.js";
import { waitForSettlement } from "./settlement.js";
import { watchJob } from "./job-watch.js";

export const DEFAULT_BUDGET = "5";

type Funding = NonNullable<CoordinatorTypes.CreateJobRequest["funding"]>;
const FUNDINGS: readonly Funding[] = ["auto", "deposit", "escrow"];

export const submitCommand: Command = {
  name: "submit",
  summary: "submit an inference job (its budget reserved from your deposit or locked in escrow)",
  synopsis: "submit inference --prompt … --model …",
  usage:
    "submit inference --prompt TEXT --model NAME [--ttl S] [--service ID] [--budget N] [--funding F] [--seed N] [--verified-only] [--min-bond N] [--watch]",
  help: `Options:
  --prompt TEXT        the prompt (required)
  --model NAME         the model, for example aitbc-tiny:latest on the local stack (required)
  --ttl SECONDS        the job expires and is refunded after this long (default 900)
  --service ID         run on this service (default: the coordinator picks the best match)
  --budget AITBC       the most the job may cost (default ${DEFAULT_BUDGET})
  --funding F          auto (default: your prepaid deposit when it covers the budget, so the job
                       starts at once; else an escrow locked for this job), deposit, or escrow
  --max-tokens N       stop after N tokens
  --temperature T      sampling temperature (0 = deterministic)
  --seed N             sampling seed (0 to 4294967295): the same seed gives the same output
  --verified-only      only services whose claimed hardware an online miner has (without it,
                       verified services are still preferred)
  --min-bond AITBC     only providers with an active bond of at least this much
  --watch              follow the job live until it finishes`,
  identity: "customer",
  options: {
    prompt: { type: "string" },
    model: { type: "string" },
    ttl: { type: "string" },
    service: { type: "string" },
    budget: { type: "string" },
    "max-tokens": { type: "string" },
    temperature: { type: "string" },
    funding: { type: "string" },
    seed: { type: "string" },
    "verified-only": { type: "boolean" },
    "min-bond": { type: "string" },
    watch: { type: "boolean" },
  },
  async run({ client, out, values, positionals, signal }) {
    if (positionals[0] !== "inference") {
      throw new UsageError(
        positionals.length === 0
          ? "Missing the job kind: aitbc submit inference --prompt … --model …"
          : `Unknown job kind "${positionals[0]}": only "inference" can be submitted from the CLI.`,
      );
    }
    if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
    const temperatureText = stringOption(values, "temperature");
    if (temperatureText !== undefined && !/^(0|[01](\.\d+)?|2(\.0+)?)$/.test(temperatureText)) {
      throw new UsageError(`--temperature must be a number from 0 to 2, got "${temperatureText}".`);
    }
    const maxTokens = intOption(values, "max-tokens", { min: 1, max: 8192 });
    const seed = intOption(values, "seed", { min: 0, max: 4_294_967_295 });
    const minBond = amountOption(values, "min-bond");
    const funding = stringOption(values, "funding");
    if (funding !== undefined && !FUNDINGS.includes(funding as Funding))
      throw new UsageError(`--funding must be one of ${FUNDINGS.join(", ")}, got "${funding}".`);
    const requirements: CoordinatorTypes.InferenceRequirements = {
      task_type: "inference",
      model: requiredString(values, "model"),
      prompt: requiredString(values, "prompt"),
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
      ...(temperatureText !== undefined ? { temperature: Number(temperatureText) } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(booleanOption(values, "verified-only") ? { verified_only: true } : {}),
      ...(minBond !== undefined ? { min_bond: Number(minBond) } : {}),
    };
    const budget = amountOption(values, "budget") ?? DEFAULT_BUDGET;
    const service = stringOption(values, "service");
    const body: CoordinatorTypes.CreateJobRequest = {
      requirements,
      // The flag was checked as a ≤6-decimal string; the wire format is a JSON number.
      budget: { max_cost: Number(budget), currency: "AITBC" },
      ttl_seconds: intOption(values, "ttl", { min: 10, max: 86400 }) ?? 900,
      ...(service ? { service_id: service } : {}),
      ...(funding ? { funding: funding as Funding } : {}),
    };
    out.progress("submitting the job…");
    const job = await client.coordinator.createJob({ body });
    out.line("✅ Job submitted successfully!");
    out.line(`   Job ID: ${job.job_id}`);
    out.line(
      `   Service: ${job.service_id} (provider ${job.provider_id}), ${priceText(job.pricing)}`,
    );
    const estimate = tokenCostEstimate(job.pricing, requirements);
    if (estimate) out.line(`   Cost: ${estimate}`);
    out.line(
      job.payment.funding === "deposit"
        ? `   Budget: ${aitbc(job.budget.max_cost)} reserved from your prepaid deposit (paid in a settlement batch)`
        : `   Budget: ${aitbc(job.budget.max_cost)} locked in escrow (tx ${job.payment.lock_tx_hash ?? "-"})`,
    );
    for (const note of job.notes) out.line(`   Note: ${note}`);
    if (!booleanOption(values, "watch")) {
      out.line("");
      out.line(`Track it: aitbc status ${job.job_id} --watch`);
      return job;
    }
    out.line("");
    const watched = await watchJob(client, job.job_id, out, signal);
    if (signal.aborted) {
      out.line(`Stopped watching; the job keeps running: aitbc status ${job.job_id} --watch`);
      return job;
    }
    const results = await waitForSettlement(client, job.job_id, out);
    out.line(`Payment: ${paymentSummary(results.payment)}`);
    if (results.payment.tx_hash) out.line(`Settlement tx: ${results.payment.tx_hash}`);
    out.line(`Receipt: aitbc receipts --job-id ${job.job_id} --verify`);
    if (out.json) out.result({ job, results });
    if (watched.status !== "completed") {
      throw new CommandFailed(
        `Job ${job.job_id} ended ${watched.status}${results.failure ? `: ${results.failure.message}` : ""}.`,
        "The budget was refunded. aitbc results <job_id> shows the details.",
        `job_${watched.status}`,
      );
    }
    return out.json ? undefined : results;
  },
};
