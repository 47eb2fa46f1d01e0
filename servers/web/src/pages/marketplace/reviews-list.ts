// What customers wrote about a service, newest first.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { dateTime, stars } from "../common/format.js";
import { card, emptyState } from "../common/widgets.js";

export function reviewsList(reviews: CoordinatorTypes.Review[]): HTMLElement {
  return card(
    `Reviews (${reviews.length})`,
    reviews.length
      ? h(
          "ul",
          { class: "reviews", id: "reviews" },
          reviews.map((r) =>
            h(
              "li",
              { class: "review" },
              h(
                "div",
                { class: "row" },
                h("span", { class: "stars" }, stars(r.rating)),
                h("strong", null, r.customer_id),
                h("span", { class: "muted small" }, dateTime(r.created_at)),
              ),
              r.review ? h("p", null, r.review) : null,
            ),
          ),
        )
      : emptyState("No reviews yet", "Customers can review a service after a completed job."),
  );
}
