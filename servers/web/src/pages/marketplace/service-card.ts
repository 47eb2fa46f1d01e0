// One service in the listing: what it is, what it costs, whether it can run a job now, how
// its customers rated it, and the bond its provider has at stake.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, serviceTypeLabel, stars } from "../common/format.js";
import { badge } from "../common/widgets.js";

export function availabilityBadge(s: CoordinatorTypes.Service) {
  if (s.status !== "active") return badge("Inactive", "muted");
  return s.available_now ? badge("Available now", "ok") : badge("Not available now", "warn");
}

export function ratingLine(average: number | null, count: number) {
  return count > 0
    ? h(
        "span",
        { class: "rating", title: `${average} out of 5` },
        h("span", { class: "stars" }, stars(average)),
        ` ${average?.toFixed(1)} (${count} review${count === 1 ? "" : "s"})`,
      )
    : h("span", { class: "rating muted" }, "No reviews yet");
}

/** "Bond 10 AITBC" / "No bond", marked when it is below the marketplace's minimum to be matched. */
export function bondLine(bond: CoordinatorTypes.ServiceBond) {
  const text = bond.amount > 0 ? `Bond ${aitbc(bond.amount)}` : "No bond";
  return bond.meets_minimum
    ? h("span", { class: "bond", "data-bond": bond.amount_micro }, text)
    : h(
        "span",
        {
          class: "bond bond-short",
          "data-bond": bond.amount_micro,
          title: `Below this marketplace's minimum of ${aitbc(bond.required)}: no jobs are matched to it`,
        },
        text,
        h("span", { class: "muted" }, ` (minimum ${aitbc(bond.required)})`),
      );
}

export function serviceCard(s: CoordinatorTypes.Service): HTMLElement {
  return h(
    "article",
    { class: "service-card", "data-service-id": s.service_id },
    h(
      "div",
      { class: "service-card-head" },
      badge(serviceTypeLabel(s.type), "info"),
      availabilityBadge(s),
    ),
    h("h3", null, h("a", { href: `#/services/${encodeURIComponent(s.service_id)}` }, s.name)),
    h("div", { class: "muted small" }, "by ", h("strong", null, s.provider_id)),
    s.description ? h("p", { class: "service-desc" }, s.description) : null,
    h(
      "div",
      { class: "service-price", "data-rate": String(s.pricing.rate_per_hour) },
      h("strong", null, aitbc(s.pricing.rate_per_hour)),
      h("span", { class: "muted" }, " / GPU-hour"),
    ),
    h("div", { class: "small muted" }, s.specs.gpu_type, " · ", s.specs.memory),
    h(
      "div",
      { class: "service-models" },
      s.models.length
        ? s.models.map((m) => h("span", { class: "chip" }, m))
        : h("span", { class: "small muted" }, "No miner online"),
    ),
    h(
      "div",
      { class: "service-card-foot" },
      ratingLine(s.rating_average, s.rating_count),
      h("span", { class: "muted" }, " · "),
      bondLine(s.bond),
    ),
  );
}
