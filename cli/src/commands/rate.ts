// `aitbc rate <job_id> --rating 1-5 [--review TEXT]`: review the service that ran one of your jobs.
import { intOption, onePositional, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import type { Command } from "./command.js";

export const rateCommand: Command = {
  name: "rate",
  summary: "rate the service that ran one of your completed jobs (1-5 stars)",
  synopsis: "rate <job_id> --rating N",
  usage: "rate <job_id> --rating N [--review TEXT]",
  help: `Options:
  --rating N      1 to 5
  --review TEXT   a few words for other customers

One review per completed job; it counts toward the provider's reputation.`,
  identity: "customer",
  options: { rating: { type: "string" }, review: { type: "string" } },
  async run({ client, out, values, positionals }) {
    const jobId = onePositional(positionals, "job id (aitbc rate <job_id> --rating N)");
    const rating = intOption(values, "rating", { min: 1, max: 5 });
    if (rating === undefined) throw new UsageError("Give a rating: --rating 1 to 5.");
    const review = stringOption(values, "review");
    const job = await client.coordinator.getJobStatus({ path: { job_id: jobId } });
    const saved = await client.coordinator.rateService({
      path: { service_id: job.service_id },
      body: { rating, job_id: jobId, ...(review ? { review } : {}) },
    });
    out.line(
      `✅ Rated ${job.service_id} ${"★".repeat(rating)}${"☆".repeat(5 - rating)} for job ${jobId}.`,
    );
    return saved;
  },
};
