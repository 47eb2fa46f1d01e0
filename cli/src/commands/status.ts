// `aitbc status <job_id> [--watch]`: the job now, or followed live until it finishes.
import { booleanOption, onePositional } from "../args.js";
import { CommandFailed } from "../output/explain-error.js";
import { FINAL_STATES } from "../output/format.js";
import type { Command } from "./command.js";
import { jobFields, paymentSummary } from "./job-view.js";
import { waitForSettlement } from "./settlement.js";
import { watchJob } from "./job-watch.js";

export const statusCommand: Command = {
  name: "status",
  summary: "show a job's status (--watch follows it live)",
  synopsis: "status <job_id> [--watch]",
  usage: "status <job_id> [--watch]",
  help: `Options:
  --watch   follow the job's live event stream until it finishes; exits 1 unless it completes`,
  identity: "customer",
  options: { watch: { type: "boolean" } },
  async run({ client, out, values, positionals, signal }) {
    const jobId = onePositional(positionals, "job id (aitbc status <job_id>)");
    const job = await client.coordinator.getJobStatus({ path: { job_id: jobId } });
    out.line(jobFields(job));
    if (!booleanOption(values, "watch") || FINAL_STATES.has(job.status)) return job;
    out.line("");
    out.line("Live events (Ctrl-C stops watching; the job keeps running):");
    const watched = await watchJob(client, jobId, out, signal);
    if (signal.aborted) {
      out.line(`Stopped watching; the job keeps running: aitbc status ${jobId} --watch`);
      return job;
    }
    const results = await waitForSettlement(client, jobId, out);
    out.line(`Payment: ${paymentSummary(results.payment)}`);
    if (out.json) out.result({ job, results });
    if (watched.status !== "completed") {
      throw new CommandFailed(
        `Job ${jobId} ended ${watched.status}.`,
        `aitbc results ${jobId} shows why.`,
        `job_${watched.status}`,
      );
    }
    return out.json ? undefined : results;
  },
};
