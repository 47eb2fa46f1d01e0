// `aitbc cancel <job_id>`: stops a job that has not finished; its budget comes back.
import { onePositional } from "../args.js";
import type { Command } from "./command.js";
import { jobFields } from "./job-view.js";

export const cancelCommand: Command = {
  name: "cancel",
  summary: "cancel a job that has not finished (its budget is refunded)",
  synopsis: "cancel <job_id>",
  usage: "cancel <job_id>",
  help: `A queued job is cancelled at once; a running one is stopped by its miner. The budget comes
back to your balance once the refund is on chain (aitbc status <job_id> shows it).`,
  identity: "customer",
  options: {},
  async run({ client, out, positionals }) {
    const jobId = onePositional(positionals, "job id (aitbc cancel <job_id>)");
    const job = await client.coordinator.cancelJob({ path: { job_id: jobId } });
    out.line(`✅ Job ${jobId} cancelled; its budget is being refunded.`);
    out.line(jobFields(job));
    return job;
  },
};
