// Phase 4.3: rate and review the service after a completed job. The provider's reputation shows
// the review at once.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { fieldValue, fill, h } from "../common/dom.js";
import { notice, problemNotice } from "../common/problems.js";
import type { Session } from "../common/session.js";
import { card } from "../common/widgets.js";
import { reputationPanel } from "./reputation-panel.js";

export function reviewForm(session: Session, job: CoordinatorTypes.Job): HTMLElement {
  const status = h("div", { id: "review-status", "aria-live": "polite" });
  const reputation = h("div", { id: "review-reputation" });
  const starInputs = [5, 4, 3, 2, 1].map((n) => [
    h("input", {
      type: "radio",
      name: "rating",
      id: `rating-${n}`,
      value: String(n),
      checked: n === 5,
    }),
    h("label", { for: `rating-${n}`, title: `${n} star${n === 1 ? "" : "s"}` }, "★"),
  ]);
  const submit = h(
    "button",
    { class: "btn", type: "submit", id: "review-submit" },
    "Submit review",
  );
  const form = h(
    "form",
    { class: "form", id: "review-form" },
    h(
      "div",
      { class: "field" },
      h("span", { class: "label" }, "Your rating"),
      h("div", { class: "star-input", role: "radiogroup", "aria-label": "Rating" }, starInputs),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "review-text" }, "Review"),
      h("textarea", {
        id: "review-text",
        name: "review",
        maxlength: "2000",
        placeholder: "How did it go?",
      }),
    ),
    h("div", null, submit),
    status,
    reputation,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const rating = Number(fieldValue(form, "rating") || "5");
    const review = fieldValue(form, "review");
    submit.disabled = true;
    session.client.coordinator
      .rateService({
        path: { service_id: job.service_id },
        body: { rating, job_id: job.job_id, ...(review ? { review } : {}) },
      })
      .then(async () => {
        fill(
          status,
          notice(
            "success",
            "Thanks for your review",
            "It now counts in the provider's reputation.",
          ),
        );
        const rep = await session.client.coordinator.getProviderReputation({
          path: { provider_id: job.provider_id },
        });
        fill(reputation, reputationPanel(rep));
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        fill(
          status,
          problemNotice(err, {
            forbidden:
              "Reviews are written by the customer who ran the job: use that customer's key.",
          }),
        );
      });
  });
  return card("Rate and review", form, { id: "review-card" });
}
