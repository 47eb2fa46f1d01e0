// The customer browses the services and filter them by category, price and availability.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import { notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { emptyState, loading } from "../common/widgets.js";
import { serviceCard } from "./service-card.js";
import {
  filterErrors,
  filterForm,
  filtersFromQuery,
  filtersToHash,
  isFiltered,
  toServiceQuery,
} from "./service-filters.js";

const PAGE_SIZE = 24;

export async function browseView(session: Session, ctx: RouteContext): Promise<Node> {
  const filters = filtersFromQuery(ctx.query);
  const results = h("div", { id: "service-results" }, loading("Loading services…"));
  const count = h("span", { id: "service-count", class: "muted" });
  const view = h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "GPU compute services"),
        h("p", null, "Pick a service, submit a job with a budget, pay only for what runs."),
      ),
      h("a", { class: "btn", href: "#/provider" }, "Become a Provider"),
    ),
    h(
      "div",
      { class: "browse" },
      filterForm(filters, (f) => {
        location.hash = filtersToHash(f);
      }),
      h("div", { class: "browse-main" }, h("div", { class: "results-head" }, count), results),
    ),
  );

  const errors = filterErrors(filters);
  if (errors.length) {
    fill(
      results,
      notice(
        "warning",
        "Check the filters",
        h(
          "ul",
          null,
          errors.map((e) => h("li", null, e)),
        ),
      ),
    );
    return view;
  }

  const grid = h("div", { class: "service-grid" });
  let cursor: string | null = null;
  let total = 0;
  const more = h(
    "button",
    { class: "btn btn-ghost", type: "button", id: "load-more" },
    "Load more",
  );

  const loadPage = async () => {
    const page: CoordinatorTypes.ServiceList = await session.client.coordinator.listServices({
      query: { ...toServiceQuery(filters), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
    });
    if (ctx.signal.aborted) return;
    for (const s of page.services) grid.appendChild(serviceCard(s));
    total += page.services.length;
    cursor = page.page.next_cursor ?? null;
    fill(count, countText(total, cursor !== null, isFiltered(filters)));
    more.hidden = !cursor;
  };
  more.addEventListener("click", () => {
    more.disabled = true;
    void loadPage()
      .catch((err: unknown) => results.appendChild(problemNotice(err)))
      .finally(() => (more.disabled = false));
  });

  try {
    await loadPage();
  } catch (err) {
    fill(results, problemNotice(err));
    return view;
  }
  if (total === 0) {
    fill(
      results,
      isFiltered(filters)
        ? emptyState(
            "No services match these filters",
            "Widen the price range, pick another category or clear “Available now”.",
            h("a", { class: "btn btn-ghost", href: "#/" }, "Clear filters"),
          )
        : emptyState(
            "No services yet",
            "Nobody offers compute on this marketplace yet. Be the first.",
            h("a", { class: "btn", href: "#/provider" }, "Become a Provider"),
          ),
    );
  } else {
    fill(results, grid, h("div", { class: "load-more" }, more));
  }
  return view;
}

/** "12 services", "1 service matches these filters", "20+ services match these filters". */
function countText(total: number, more: boolean, filtered: boolean): string {
  const one = total === 1 && !more;
  const services = `${total}${more ? "+" : ""} ${one ? "service" : "services"}`;
  return filtered ? `${services} ${one ? "matches" : "match"} these filters` : services;
}
