// `aitbc submit inference`: submits a job and prints its id, service, budget and escrow lines.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { amountOption, booleanOption, intOption, requiredString, stringOption } from "../args.js";
import { CommandFailed, UsageError } from "../output/explain-error.js";
import { aitbc } from "../output/format.js";
import type { Command } from "./command.js";
import { paymentSummary } from "./job-view.js";
import { waitForSettlement } from "./settlement.js";
import { watchJob } from "./job-watch.js";

export const DEFAULT_BUDGET = "5";

export const submitCommand: Command = {
  name: "submit",
  summary: "submit an inference job (locks the budget in escrow)",
  synopsis: "submit inference --prompt … --model …",
  usage:
    "submit inference --prompt TEXT --model NAME [--ttl S] [--service ID] [--budget N] [--watch]",
  help: `Options:
  --prompt TEXT        the prompt (required)
  --model NAME         the model, for example aitbc-tiny:latest on the local stack (required)
  --ttl SECONDS        the job expires and is refunded after this long (default 900)
  --service ID         run on this service (default: the coordinator picks the best match)
  --budget AITBC       the most the job may cost, locked in escrow (default ${DEFAULT_BUDGET})
  --max-tokens N       stop after N tokens
  --temperature T      sampling temperature (0 = deterministic)
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
    const requirements: CoordinatorTypes.InferenceRequirements = {
      task_type: "inference",
      model: requiredString(values, "model"),
      prompt: requiredString(values, "prompt"),
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
      ...(temperatureText !== undefined ? { temperature: Number(temperatureText) } : {}),
    };
    const budget = amountOption(values, "budget") ?? DEFAULT_BUDGET;
    const service = stringOption(values, "service");
    const body: CoordinatorTypes.CreateJobRequest = {
      requirements,
      // The flag was checked as a ≤6-decimal string; the wire format is a JSON number.
      budget: { max_cost: Number(budget), currency: "AITBC" },
      ttl_seconds: intOption(values, "ttl", { min: 10, max: 86400 }) ?? 900,
      ...(service ? { service_id: service } : {}),
    };
    out.progress("submitting the job and locking the budget in escrow…");
    const job = await client.coordinator.createJob({ body });
    out.line("✅ Job submitted successfully!");
    out.line(`   Job ID: ${job.job_id}`);
    out.line(
      `   Service: ${job.service_id} (provider ${job.provider_id}), ${job.pricing.rate_per_hour} AITBC/hour`,
    );
    out.line(
      `   Budget: ${aitbc(job.budget.max_cost)} locked in escrow (tx ${job.payment.lock_tx_hash ?? "-"})`,
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
