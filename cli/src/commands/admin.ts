// The operator verbs: admin-miners, admin-jobs, admin-stats (admin key), admin-requeue-batch
// (platform admin key).
import type { CoordinatorTypes } from "@aitbc/sdk";
import { intOption, noPositionals, onePositional, stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import { aitbc, state, time } from "../output/format.js";
import { formatFields } from "../output/table.js";
import type { Command } from "./command.js";
import { jobStatusOption } from "./job-status-option.js";
import { requirementsSummary } from "./job-view.js";

export const adminMinersCommand: Command = {
  name: "admin-miners",
  synopsis: "admin-miners",
  summary: "miners with their provider, status, models and jobs in flight (admin)",
  usage: "admin-miners [--status online|offline] [--provider ID]",
  identity: "admin",
  options: { status: { type: "string" }, provider: { type: "string" }, limit: { type: "string" } },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const status = stringOption(values, "status");
    if (status !== undefined && status !== "online" && status !== "offline") {
      throw new UsageError(`--status must be online or offline, got "${status}".`);
    }
    const provider = stringOption(values, "provider");
    const page = await client.coordinator.listAdminMiners({
      query: {
        limit: intOption(values, "limit", { min: 1, max: 100 }) ?? 50,
        ...(status ? { status } : {}),
        ...(provider ? { provider_id: provider } : {}),
      },
    });
    out.line(
      page.miners.length === 0
        ? "No miners registered. Start one: npx aitbc-miner --coordinator URL --api-key PROVIDER_KEY"
        : out.table(
            [
              "miner",
              "provider",
              "status",
              "executor",
              "hardware",
              "models",
              "jobs",
              "last heartbeat",
            ],
            page.miners.map((m) => [
              m.miner_id,
              m.provider_id,
              m.status === "online" ? "🟢 online" : "⚪ offline",
              m.executor,
              m.gpu ? `${m.gpu.count}× ${m.gpu.name}` : `CPU ${m.cpu.model} (${m.cpu.cores} cores)`,
              m.models.map((x) => x.name + (x.label ? ` (${x.label})` : "")).join(", "),
              `${m.active_job_ids.length}/${m.max_concurrency}`,
              time(m.last_heartbeat_at),
            ]),
          ),
    );
    return page;
  },
};

export const adminJobsCommand: Command = {
  name: "admin-jobs",
  synopsis: "admin-jobs [--status S]",
  summary: "jobs of every customer, newest first (admin)",
  usage: "admin-jobs [--status STATE] [--limit N]",
  identity: "admin",
  options: {
    status: { type: "string" },
    limit: { type: "string" },
    provider: { type: "string" },
    customer: { type: "string" },
  },
  async run({ client, out, values, positionals }) {
    noPositionals(positionals);
    const status = jobStatusOption(values);
    const provider = stringOption(values, "provider");
    const customer = stringOption(values, "customer");
    const page = await client.coordinator.listAdminJobs({
      query: {
        limit: intOption(values, "limit", { min: 1, max: 100 }) ?? 20,
        ...(status ? { status: status as CoordinatorTypes.JobStatus } : {}),
        ...(provider ? { provider_id: provider } : {}),
        ...(customer ? { customer_id: customer } : {}),
      },
    });
    out.line(
      page.jobs.length === 0
        ? "No jobs."
        : out.table(
            ["job", "status", "customer", "service", "task", "budget", "payment", "created"],
            page.jobs.map((j) => [
              j.job_id,
              state(j.status),
              j.customer_id,
              j.service_id,
              requirementsSummary(j.requirements),
              aitbc(j.budget.max_cost),
              j.payment.status,
              time(j.created_at),
            ]),
          ),
    );
    return page;
  },
};

export const adminStatsCommand: Command = {
  name: "admin-stats",
  synopsis: "admin-stats",
  summary: "jobs by status, money volume, miners and accounts (admin)",
  usage: "admin-stats",
  identity: "admin",
  options: {},
  async run({ client, out, positionals }) {
    noPositionals(positionals);
    const stats = await client.coordinator.getAdminStats();
    const byStatus = Object.entries(stats.jobs_by_status)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    out.line(
      formatFields([
        ["Jobs", `${stats.jobs_total} (${byStatus})`],
        ["Paid to providers", aitbc(stats.volume.settled)],
        ["Refunded", aitbc(stats.volume.refunded)],
        ["Locked in escrow", aitbc(stats.volume.locked)],
        ["Miners online", `${stats.miners.online} of ${stats.miners.total}`],
        ["Services active", `${stats.services.active} of ${stats.services.total}`],
        [
          "Accounts",
          Object.entries(stats.accounts)
            .map(([k, v]) => `${v} ${k}`)
            .join(", "),
        ],
        ["As of", time(stats.generated_at)],
      ]),
    );
    return stats;
  },
};

export const adminRequeueBatchCommand: Command = {
  name: "admin-requeue-batch",
  synopsis: "admin-requeue-batch <batch_id>",
  summary: "send the items a refused settlement batch kept back to be paid (platform admin)",
  usage: "admin-requeue-batch <batch_id>",
  help: `A settlement batch the chain refused keeps the items that caused it (usually a customer's
deposit too small for what its jobs owe); they are neither paid nor given back. Once the cause is
dealt with (the customer added to its deposit), this puts them back in line: the next batch pays
them, once. The coordinator's log and the batch's last error say why it was refused.`,
  identity: "admin",
  options: {},
  async run({ client, out, positionals }) {
    const batchId = onePositional(positionals, "batch id (aitbc admin-requeue-batch <batch_id>)");
    const done = await client.coordinator.requeueSettlementBatch({ path: { batch_id: batchId } });
    out.line(
      done.requeued === 0
        ? `Nothing to requeue: batch ${batchId} keeps no items.`
        : `✅ ${done.requeued} item(s) of batch ${batchId} are back in line for the next settlement batch.`,
    );
    out.line(
      formatFields([
        ["Refused because", done.last_error ?? "(not recorded)"],
        ["Jobs", done.job_ids.join(", ") || "none"],
      ]),
    );
    return done;
  },
};
