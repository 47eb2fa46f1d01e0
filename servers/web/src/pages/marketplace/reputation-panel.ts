// Phase 2.3: the provider's reputation, measured by the coordinator (ratings from reviews, the
// rest from the jobs the provider actually ran).
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { duration, percent } from "../common/format.js";
import { card, definitionList } from "../common/widgets.js";
import { ratingLine, verificationLine } from "./service-card.js";

export function reputationPanel(r: CoordinatorTypes.ProviderReputation): HTMLElement {
  return card(
    "Provider reputation",
    h(
      "div",
      { id: "provider-reputation", "data-provider-id": r.provider_id },
      h(
        "div",
        { class: "reputation-head" },
        h("strong", null, r.name ?? r.provider_id),
        h("span", { class: "muted small" }, ` (${r.provider_id})`),
      ),
      h(
        "div",
        {
          class: "reputation-rating",
          "data-rating-count": String(r.rating_count),
          "data-rating-average": String(r.rating_average ?? ""),
        },
        ratingLine(r.rating_average, r.rating_count),
      ),
      definitionList([
        [
          "Jobs completed",
          h("span", { "data-jobs-completed": String(r.jobs_completed) }, String(r.jobs_completed)),
        ],
        ["Jobs failed", String(r.jobs_failed)],
        ["Completion rate", percent(r.completion_rate)],
        [
          "Median run time",
          r.median_duration_s === null ? "—" : duration(r.median_duration_s * 1000),
        ],
        ["Re-checked jobs", verificationLine(r.checks)],
      ]),
    ),
  );
}
