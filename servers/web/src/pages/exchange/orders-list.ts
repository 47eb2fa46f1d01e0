// The signed-in account's orders, newest first.
import type { ExchangeTypes } from "@aitbc/sdk";
import { h } from "../common/dom.js";
import { aitbc, btcFromSats, timeAgo } from "../common/format.js";
import { card, emptyState, statusBadge, table } from "../common/widgets.js";

export function ordersList(orders: ExchangeTypes.Order[]): HTMLElement {
  return card(
    "Your orders",
    orders.length
      ? table(
          ["Order", "Status", "AITBC", "BTC", "Created"],
          orders.map((o) => [
            h(
              "a",
              { href: `#/orders/${o.order_id}` },
              h("code", null, o.order_id.slice(0, 10) + "…"),
            ),
            statusBadge(o.status),
            aitbc(o.amount_aitbc),
            btcFromSats(o.amount_sats),
            timeAgo(o.created_at),
          ]),
          { id: "orders-table" },
        )
      : emptyState("No orders yet", "Your first order shows up here."),
  );
}
