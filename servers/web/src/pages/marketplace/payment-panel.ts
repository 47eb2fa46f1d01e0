// Phase 4.1: the job's money on the chain. The budget is locked in escrow at create; the settlement
// (escrow_release) pays the provider the metered cost and refunds the rest.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import { aitbc, shortHash } from "../common/format.js";
import type { Session } from "../common/session.js";
import { card, definitionList, pageLink, statusBadge } from "../common/widgets.js";

export function paymentPanel(session: Session) {
  const body = h("div", { id: "payment-body" });
  const el = card("Payment", body, { id: "payment-panel" });
  const txLink = (hash: string | null, id: string) =>
    hash
      ? pageLink(session.config.explorer, `/tx/${hash}`, h("code", null, shortHash(hash, 10)), {
          id,
          "data-tx-hash": hash,
          title: hash,
        })
      : h("span", { class: "muted" }, "—");
  return {
    el,
    show(p: CoordinatorTypes.Payment) {
      fill(
        body,
        h(
          "div",
          { "data-payment-status": p.status },
          h(
            "p",
            null,
            statusBadge(p.status),
            " ",
            p.status === "locked"
              ? "Your budget is held in escrow on the chain until the job ends."
              : p.status === "settled"
                ? "Settled on the chain: the provider was paid the metered cost, the rest came back to you."
                : "Refunded on the chain: the whole budget came back to you.",
          ),
          definitionList([
            ["Budget locked", aitbc(p.amount)],
            ["Paid to provider", h("span", { id: "payment-paid" }, aitbc(p.paid))],
            ["Refunded to you", h("span", { id: "payment-refund" }, aitbc(p.refund))],
            ["Escrow lock tx", txLink(p.lock_tx_hash, "lock-tx")],
            ["Settlement tx", txLink(p.tx_hash, "settlement-tx")],
          ]),
        ),
      );
    },
  };
}
