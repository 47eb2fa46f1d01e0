// The miner dashboard (:24000). An admin key sees every miner with its models and in-flight jobs,
// the marketplace's numbers and every provider's earnings; a provider key sees its own services,
// jobs and earnings (the miner list itself is an admin view of the coordinator).
import type { CoordinatorTypes } from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import { aitbc, formatInteger, shortHash } from "../common/format.js";
import { every } from "../common/poll.js";
import { DEV_KEYS_HINT, notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { card, emptyState, loading, pageLink, statCard } from "../common/widgets.js";
import { loadEarnings } from "./earnings.js";
import { earningsTable, inFlightTable, minersTable, servicesTable } from "./sections.js";

const IN_FLIGHT: CoordinatorTypes.JobStatus[] = ["running", "assigned", "queued"];

function section(id: string, title: string): { el: HTMLElement; body: HTMLElement } {
  const body = h("div", { id: `${id}-body` }, loading());
  return { el: card(title, body, { id }), body };
}

/** Each section refreshes on its own, so one failing API does not blank the page. */
function refreshInto(body: HTMLElement, load: () => Promise<Node>) {
  return async () => {
    try {
      fill(body, await load());
    } catch (err) {
      fill(body, problemNotice(err));
    }
  };
}

function adminDashboard(session: Session, ctx: RouteContext): Node {
  const api = session.client.coordinator;
  const stats = h("div", { class: "stats", id: "dashboard-stats" }, loading());
  const miners = section("miners", "Miners");
  const jobs = section("inflight", "Jobs in flight");
  const earnings = section("earnings", "Earnings by provider");
  const refreshers = [
    refreshInto(stats, async () => {
      const s = await api.getAdminStats();
      const j = s.jobs_by_status;
      return h(
        "div",
        { class: "stats-inner" },
        statCard("Miners online", `${s.miners.online} / ${s.miners.total}`, null, "miners-online"),
        statCard(
          "Jobs running",
          formatInteger(j.running + j.assigned),
          `${j.queued} queued`,
          "jobs-running",
        ),
        statCard(
          "Jobs completed",
          formatInteger(j.completed),
          `${j.failed} failed · ${j.expired} expired`,
          "jobs-completed",
        ),
        statCard(
          "Paid to providers",
          aitbc(s.volume.settled),
          `${aitbc(s.volume.refunded)} refunded`,
          "settled",
        ),
        statCard(
          "Locked in escrow",
          aitbc(s.volume.locked),
          `${s.services.active} active services`,
          "locked",
        ),
      );
    }),
    refreshInto(miners.body, async () => {
      const page = await api.listAdminMiners({ query: { limit: 100 } });
      return minersTable(page.miners);
    }),
    refreshInto(jobs.body, async () => {
      const pages = await Promise.all(
        IN_FLIGHT.map((status) => api.listAdminJobs({ query: { status, limit: 50 } })),
      );
      return inFlightTable(
        pages.flatMap((p) => p.jobs),
        session.config.marketplace,
      );
    }),
    refreshInto(earnings.body, async () => earningsTable(await loadEarnings(session.client))),
  ];
  every(3000, () => Promise.all(refreshers.map((r) => r())), ctx.signal);
  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "Miner dashboard"),
        h(
          "p",
          null,
          "Every miner on the marketplace, what it serves and runs, and what providers earn. Refreshes every 3 s.",
        ),
      ),
    ),
    stats,
    miners.el,
    h("div", { class: "grid-2 dash-grid" }, jobs.el, earnings.el),
  );
}

function providerDashboard(session: Session, ctx: RouteContext, me: CoordinatorTypes.Me): Node {
  const api = session.client.coordinator;
  const stats = h("div", { class: "stats", id: "dashboard-stats" }, loading());
  const services = section("services", "Your services");
  const jobs = section("inflight", "Jobs in flight");
  const earnings = section("earnings", "Your earnings");
  const refreshers = [
    refreshInto(stats, async () => {
      const [list, balance, e] = await Promise.all([
        api.listServices({ query: { provider_id: me.id, status: "all", limit: 100 } }),
        session.client.wallet.getBalance(),
        loadEarnings(session.client),
      ]);
      const online = Math.max(0, ...list.services.map((s) => s.online_miners));
      const mine = e.byProvider.find((p) => p.providerId === me.id);
      return h(
        "div",
        { class: "stats-inner" },
        statCard("Miners online", String(online), "serving your services", "miners-online"),
        statCard(
          "Active services",
          String(list.services.filter((s) => s.status === "active").length),
          `${list.services.length} listed`,
        ),
        statCard(
          "Earned",
          aitbc(mine?.earnedMicro ?? 0n),
          `${mine?.jobs ?? 0} paid jobs`,
          "earned",
        ),
        statCard(
          "Wallet balance",
          aitbc(balance.balance),
          shortHash(balance.address, 8),
          "balance",
        ),
      );
    }),
    refreshInto(services.body, async () => {
      const list = await api.listServices({
        query: { provider_id: me.id, status: "all", limit: 100 },
      });
      return servicesTable(list.services, session.config.marketplace);
    }),
    refreshInto(jobs.body, async () => {
      const pages = await Promise.all(
        IN_FLIGHT.map((status) => api.listJobs({ query: { status, limit: 50 } })),
      );
      return inFlightTable(
        pages.flatMap((p) => p.jobs),
        session.config.marketplace,
      );
    }),
    refreshInto(earnings.body, async () => earningsTable(await loadEarnings(session.client))),
  ];
  every(3000, () => Promise.all(refreshers.map((r) => r())), ctx.signal);
  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, `Provider dashboard · ${me.name}`),
        h(
          "p",
          null,
          "Your services, the jobs your miners are running and what they earned. Refreshes every 3 s.",
        ),
      ),
    ),
    notice(
      "info",
      "Signed in with a provider key",
      "The full miner list (hardware, models, heartbeats) is an operator view: sign in with an admin key to see it.",
    ),
    stats,
    services.el,
    h("div", { class: "grid-2 dash-grid" }, jobs.el, earnings.el),
  );
}

export function dashboardView(session: Session, ctx: RouteContext): Node {
  const { me, error, checking } = session.identity;
  if (!session.apiKey)
    return emptyState("Sign in to see the miners", [
      "Paste an admin key to see every miner, or a provider key to see your own services. ",
      DEV_KEYS_HINT,
    ]);
  if (checking) return loading("Checking your key…");
  if (error) return h("section", { class: "page" }, problemNotice(error));
  if (!me) return loading("Checking your key…");
  if (me.role === "admin") return adminDashboard(session, ctx);
  if (me.role === "provider") return providerDashboard(session, ctx, me);
  return h(
    "section",
    { class: "page" },
    notice("warning", `${me.name} is a customer account`, [
      "The miner dashboard is for providers and operators. Use a provider or admin key, or go to the ",
      pageLink(session.config.marketplace, "/", "marketplace"),
      " to buy compute.",
    ]),
  );
}
