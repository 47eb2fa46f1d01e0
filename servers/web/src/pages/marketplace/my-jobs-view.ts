// The signed-in account's jobs (a customer's own, a provider's on its services), newest first.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, timeAgo } from "../common/format.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { emptyState, statusBadge, table } from "../common/widgets.js";
import { depositPanel } from "./deposit-panel.js";

export async function myJobsView(session: Session, _ctx: RouteContext): Promise<Node> {
  if (!session.apiKey)
    return emptyState(
      "Sign in to see your jobs",
      "Paste a customer or provider API key in the box at the top right.",
    );
  const page = await session.client.coordinator.listJobs({ query: { limit: 50 } });
  // A customer's deposit pays for the jobs listed below, so it is managed here.
  const deposit = session.role === "customer" ? depositPanel(session) : null;
  const head = h(
    "div",
    { class: "page-head" },
    h(
      "div",
      null,
      h("h1", null, "My jobs"),
      h(
        "p",
        null,
        session.role === "provider"
          ? "Jobs run on your services."
          : "Jobs you submitted, newest first.",
      ),
    ),
    h("a", { class: "btn", href: "#/" }, "Find a service"),
  );
  if (page.jobs.length === 0)
    return h(
      "section",
      { class: "page" },
      head,
      deposit,
      emptyState(
        "No jobs yet",
        "Pick a service and submit a job: it runs on a provider's miner and you pay only the metered cost.",
        h("a", { class: "btn", href: "#/" }, "Browse services"),
      ),
    );
  const model = (j: CoordinatorTypes.Job) =>
    "model" in j.requirements ? (j.requirements.model ?? "—") : j.requirements.task_type;
  return h(
    "section",
    { class: "page" },
    head,
    deposit,
    h(
      "div",
      { class: "card" },
      table(
        ["Job", "Status", "Service", "Model", "Budget", "Paid", "Submitted"],
        page.jobs.map((j) => [
          h("a", { href: `#/jobs/${j.job_id}` }, h("code", null, j.job_id.slice(0, 12) + "…")),
          statusBadge(j.status),
          j.service_id,
          model(j),
          aitbc(j.budget.max_cost),
          j.payment.paid === null ? "—" : aitbc(j.payment.paid),
          timeAgo(j.created_at),
        ]),
        { id: "jobs-table" },
      ),
    ),
  );
}
