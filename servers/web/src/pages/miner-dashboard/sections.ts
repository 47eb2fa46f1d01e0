// The dashboard's tables: miners with their models and jobs, jobs in flight, earnings, services.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, dateTime, stars, timeAgo } from "../common/format.js";
import { badge, emptyState, pageLink, statusBadge, table } from "../common/widgets.js";
import type { EarningsSummary } from "./earnings.js";

export function minersTable(miners: CoordinatorTypes.AdminMiner[]): HTMLElement {
  if (miners.length === 0)
    return emptyState(
      "No miners registered",
      "Start one with a provider key: npx aitbc-miner --coordinator <url> --api-key <provider key>.",
    );
  return table(
    ["Miner", "Provider", "Status", "Hardware", "Models", "Jobs in flight", "Last heartbeat"],
    miners.map((m) => [
      h(
        "div",
        null,
        h("strong", null, m.name),
        h(
          "div",
          { class: "muted small" },
          h("code", null, m.miner_id.slice(0, 12)),
          ` · ${m.executor}`,
        ),
      ),
      m.provider_id,
      statusBadge(m.status),
      h(
        "div",
        { class: "small" },
        m.gpu
          ? `${m.gpu.count}× ${m.gpu.name} (${Math.round(m.gpu.memory_mb / 1024)} GB)`
          : "no GPU",
        h("div", { class: "muted" }, `${m.cpu.model} · ${m.cpu.cores} cores`),
      ),
      h(
        "div",
        { class: "models" },
        m.models.map((model) =>
          h(
            "div",
            { class: "model", "data-model": model.name },
            h("span", { class: "chip" }, model.name),
            model.label ? h("span", { class: "muted small" }, ` ${model.label}`) : null,
          ),
        ),
      ),
      h("span", null, `${m.active_job_ids.length} / ${m.max_concurrency}`),
      h("span", { title: m.last_heartbeat_at }, timeAgo(m.last_heartbeat_at)),
    ]),
    { id: "miners-table" },
    (i) => ({ "data-miner-id": miners[i]!.miner_id, "data-status": miners[i]!.status }),
  );
}

export function inFlightTable(
  jobs: CoordinatorTypes.Job[],
  marketplace: string | null,
): HTMLElement {
  if (jobs.length === 0)
    return emptyState("No jobs in flight", "Queued and running jobs show up here as they arrive.");
  return table(
    ["Job", "Status", "Model", "Provider", "Miner", "Budget", "Age"],
    jobs.map((j) => [
      pageLink(marketplace, `/jobs/${j.job_id}`, h("code", null, j.job_id.slice(0, 12) + "…")),
      statusBadge(j.status),
      "model" in j.requirements ? (j.requirements.model ?? "—") : j.requirements.task_type,
      j.provider_id,
      j.miner_id ? h("code", null, j.miner_id.slice(0, 10)) : h("span", { class: "muted" }, "—"),
      aitbc(j.budget.max_cost),
      timeAgo(j.created_at),
    ]),
    { id: "inflight-table" },
  );
}

export function earningsTable(e: EarningsSummary): HTMLElement {
  if (e.byProvider.length === 0)
    return emptyState(
      "No earnings yet",
      "Providers earn when a job completes and its payment settles on the chain.",
    );
  return h(
    "div",
    null,
    table(
      ["Provider", "Paid jobs", "Earned", "Last job"],
      e.byProvider.map((p) => [
        h("strong", null, p.providerId),
        String(p.jobs),
        h("span", { "data-earned-micro": String(p.earnedMicro) }, aitbc(p.earnedMicro)),
        dateTime(p.lastAt),
      ]),
      { id: "earnings-table" },
    ),
    h(
      "p",
      { class: "muted small" },
      `From the signed receipts of the last ${e.receiptsRead} completed jobs${e.truncated ? " (older ones not counted)" : ""}.`,
    ),
  );
}

export function servicesTable(
  services: CoordinatorTypes.Service[],
  marketplace: string | null,
): HTMLElement {
  if (services.length === 0)
    return emptyState("No services yet", "List one in the marketplace: Become a Provider.");
  return table(
    ["Service", "Status", "Serving now", "Online miners", "Rate", "Rating"],
    services.map((s) => [
      pageLink(marketplace, `/services/${s.service_id}`, s.name),
      s.status === "active"
        ? s.available_now
          ? badge("Available", "ok")
          : badge("Outside window", "warn")
        : statusBadge(s.status),
      s.models.length
        ? s.models.map((m) => h("span", { class: "chip" }, m))
        : h("span", { class: "muted" }, "nothing"),
      String(s.online_miners),
      s.pricing.unit_type === "tokens"
        ? `${aitbc(s.pricing.unit_price)}/1k tokens`
        : `${aitbc(s.pricing.rate_per_hour)}/h`,
      s.rating_count
        ? h(
            "span",
            { class: "nowrap" },
            h("span", { class: "stars" }, stars(s.rating_average)),
            ` ${s.rating_average} (${s.rating_count})`,
          )
        : "—",
    ]),
    { id: "services-table" },
  );
}
