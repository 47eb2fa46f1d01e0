// One service in the listing: what it is, what it costs, whether it can run a job now, how
// its customers rated it, and the bond its provider has at stake.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, serviceTypeLabel, stars } from "../common/format.js";
import { badge } from "../common/widgets.js";
import { priceText } from "./price-text.js";

export function availabilityBadge(s: CoordinatorTypes.Service) {
  if (s.status !== "active") return badge("Inactive", "muted");
  return s.available_now ? badge("Available now", "ok") : badge("Not available now", "warn");
}

/**
 * Says so when no online miner of the provider has the claimed GPU (or when the last job ran far
 * slower than it should); the reason is in the tooltip. Verified hardware needs no badge.
 */
export function hardwareBadges(s: CoordinatorTypes.Service) {
  const hw = s.hardware;
  const slow = hw.throughput_shortfall;
  return [
    hw.verified
      ? null
      : badge("Unverified hardware", "warn", { title: hw.reason, "data-hardware": "unverified" }),
    slow
      ? badge("Slower than claimed", "warn", {
          title: `${slow.tokens_per_s} tokens/s where a ${slow.gpu_class} should reach ${slow.expected_tokens_per_s}`,
          "data-hardware": "slow",
        })
      : null,
  ];
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

/** The provider's re-executed jobs (spot checks and disputes): how many agreed and how many did not. */
export function verificationLine(v: CoordinatorTypes.VerificationCounts) {
  if (v.checked === 0) return h("span", { class: "small muted" }, "No jobs re-checked yet");
  return h(
    "span",
    { class: v.failed > 0 ? "small warn" : "small", "data-checks-failed": String(v.failed) },
    `Re-checked ${v.checked} job${v.checked === 1 ? "" : "s"}: ${v.passed} passed, ${v.failed} failed`,
  );
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
  const price = priceText(s.pricing);
  return h(
    "article",
    { class: "service-card", "data-service-id": s.service_id },
    h(
      "div",
      { class: "service-card-head" },
      badge(serviceTypeLabel(s.type), "info"),
      availabilityBadge(s),
      hardwareBadges(s),
    ),
    h("h3", null, h("a", { href: `#/services/${encodeURIComponent(s.service_id)}` }, s.name)),
    h("div", { class: "muted small" }, "by ", h("strong", null, s.provider_id)),
    s.description ? h("p", { class: "service-desc" }, s.description) : null,
    h(
      "div",
      {
        class: "service-price",
        "data-unit-type": s.pricing.unit_type,
        ...(s.pricing.rate_per_hour !== undefined
          ? { "data-rate": String(s.pricing.rate_per_hour) }
          : { "data-unit-price": s.pricing.unit_price }),
      },
      h("strong", null, price.amount),
      h("span", { class: "muted" }, price.per),
      price.input ? h("div", { class: "small muted" }, price.input) : null,
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
    h("div", { class: "service-card-checks" }, verificationLine(s.verification)),
  );
}
