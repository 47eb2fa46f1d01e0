// `aitbc jobs [--status S] [--limit N] [--cursor C | --all]`: the caller's own jobs, newest first.
import { paginate, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";
import { booleanOption, intOption, noPositionals, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import { aitbc, state, time } from "../output/format.js";
import type { Command } from "./command.js";
import { JOB_STATES, jobStatusOption } from "./job-status-option.js";
import { requirementsSummary } from "./job-view.js";

type JobQuery = NonNullable<CoordinatorTypes.ListJobsData["query"]>;

export const jobsCommand: Command = {
  name: "jobs",
  summary: "list your jobs (filter by status; --all for every page)",
  synopsis: "jobs [--status S] [--all]",
  usage: "jobs [--status S] [--limit N] [--cursor C | --all]",
  help: `Options:
  --status S   only jobs in state S: ${JOB_STATES.join(", ")}
  --limit N    page size (default 20)
  --cursor C   the page after the one that printed "--cursor C"
  --all        every page, one after the other

Examples:
  aitbc jobs --status running
  aitbc jobs --all --json | jq '.jobs[].job_id'`,
  identity: "customer",
  options: {
    status: { type: "string" },
    limit: { type: "string" },
    cursor: { type: "string" },
    all: { type: "boolean" },
  },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const status = jobStatusOption(values);
    const cursor = stringOption(values, "cursor");
    const all = booleanOption(values, "all");
    if (cursor && all) throw new UsageError("--cursor and --all exclude each other.");
    const query: JobQuery = {
      limit: intOption(values, "limit", { min: 1, max: 100 }) ?? 20,
      ...(status ? { status } : {}),
    };
    const page = all
      ? await everyJob(client, query)
      : await client.coordinator.listJobs({ query: cursor ? { ...query, cursor } : query });
    out.line(
      page.jobs.length === 0
        ? status
          ? `No ${status} jobs.`
          : 'No jobs yet: aitbc submit inference --prompt "Hello AITBC" --model aitbc-tiny:latest'
        : out.table(
            ["job", "status", "task", "budget", "payment", "created"],
            page.jobs.map((j) => [
              j.job_id,
              state(j.status),
              requirementsSummary(j.requirements),
              aitbc(j.budget.max_cost),
              j.payment.status,
              time(j.created_at),
            ]),
          ),
    );
    if (page.page.next_cursor)
      out.line(
        `(more: add --cursor ${page.page.next_cursor} for the next page, or --all for every page)`,
      );
    return page;
  },
};

async function everyJob(client: AitbcClient, query: JobQuery): Promise<CoordinatorTypes.JobList> {
  const jobs: CoordinatorTypes.Job[] = [];
  for await (const job of paginate(client.coordinator, "listJobs", query)) jobs.push(job);
  return { jobs, page: { limit: query.limit ?? 20, next_cursor: null } };
}
