// Phase 2.2 and 2.3: a service's details, its provider's reputation and reviews, and the form to
// submit a job to it.
import { NotFoundError, type CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { dateTime, formatInteger, serviceTypeLabel } from "../common/format.js";
import { notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { badge, card, definitionList, emptyState } from "../common/widgets.js";
import { jobForm } from "./job-form.js";
import { reputationPanel } from "./reputation-panel.js";
import { reviewsList } from "./reviews-list.js";
import { availabilityBadge, bondLine } from "./service-card.js";
import { priceText } from "./price-text.js";

export async function serviceView(session: Session, ctx: RouteContext): Promise<Node> {
  const serviceId = ctx.params[0]!;
  const api = session.client.coordinator;
  let service: CoordinatorTypes.Service;
  try {
    service = await api.getService({ path: { service_id: serviceId } });
  } catch (err) {
    if (err instanceof NotFoundError)
      return emptyState(
        "No such service",
        `There is no service “${serviceId}” on this marketplace.`,
        h("a", { class: "btn", href: "#/" }, "Browse services"),
      );
    throw err;
  }
  const [reputation, reviews] = await Promise.allSettled([
    api.getProviderReputation({ path: { provider_id: service.provider_id } }),
    api.listServiceReviews({ path: { service_id: serviceId }, query: { limit: 20 } }),
  ]);
  const justListed = ctx.query.get("listed") === "1";
  const s = service;

  return h(
    "section",
    { class: "page", id: "service-detail", "data-service-id": s.service_id },
    justListed
      ? notice("success", "Your service is listed", "Customers can find it in the marketplace now.")
      : null,
    h("a", { href: "#/", class: "small" }, "← All services"),
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("div", { class: "row" }, badge(serviceTypeLabel(s.type), "info"), availabilityBadge(s)),
        h("h1", { id: "service-name" }, s.name),
        h(
          "p",
          null,
          "Offered by ",
          h("strong", null, s.provider_id),
          " · service id ",
          h("code", null, s.service_id),
        ),
      ),
      h(
        "div",
        { class: "price-tag" },
        h(
          "div",
          { class: "price-big", id: "service-rate", "data-unit-type": s.pricing.unit_type },
          priceText(s.pricing).amount,
        ),
        s.pricing.unit_type === "tokens"
          ? h(
              "div",
              { class: "muted small" },
              "per 1k output tokens",
              priceText(s.pricing).input ? ` (${priceText(s.pricing).input})` : "",
              ", rounded up to the micro-AITBC",
            )
          : h("div", { class: "muted small" }, "per GPU-hour, metered by the second"),
      ),
    ),
    h(
      "div",
      { class: "grid-2" },
      h(
        "div",
        { class: "stack" },
        card(
          "About this service",
          h(
            "div",
            null,
            s.description ? h("p", { class: "service-description" }, s.description) : null,
            definitionList([
              ["GPU", s.specs.gpu_type],
              ["Memory", s.specs.memory],
              [
                "Hardware",
                h(
                  "span",
                  { id: "service-hardware" },
                  s.hardware.verified ? "Verified: " : "Unverified hardware: ",
                  s.hardware.reason,
                  s.hardware.throughput_shortfall
                    ? ` Its last checked job ran at ${s.hardware.throughput_shortfall.tokens_per_s} tokens/s, where a ${s.hardware.throughput_shortfall.gpu_class} should reach ${s.hardware.throughput_shortfall.expected_tokens_per_s}.`
                    : "",
                ),
              ],
              [
                "CUDA cores",
                s.specs.cuda_cores !== undefined ? formatInteger(s.specs.cuda_cores) : "—",
              ],
              ["Frameworks", s.specs.supported_frameworks?.join(", ") || "—"],
              [
                "Serving now",
                s.models.length
                  ? h(
                      "span",
                      { id: "service-models" },
                      s.models.map((m) => h("span", { class: "chip" }, m)),
                    )
                  : h("span", { class: "muted" }, "No miner online"),
              ],
              ["Online miners", String(s.online_miners)],
              [
                "Availability",
                s.availability
                  ? `${dateTime(s.availability.start_time)} → ${dateTime(s.availability.end_time)}${s.availability.timezone ? ` (${s.availability.timezone})` : ""}`
                  : "Always",
              ],
              ["Listed", dateTime(s.created_at)],
              ["Provider bond", h("span", { id: "service-bond" }, bondLine(s.bond))],
            ]),
          ),
        ),
        reviews.status === "fulfilled"
          ? reviewsList(reviews.value.reviews)
          : card("Reviews", problemNotice(reviews.reason)),
      ),
      h(
        "div",
        { class: "stack" },
        jobForm(session, s),
        reputation.status === "fulfilled"
          ? reputationPanel(reputation.value)
          : card("Provider reputation", problemNotice(reputation.reason)),
      ),
    ),
  );
}
