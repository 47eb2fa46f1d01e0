// The Trade Exchange page (:23000, served by the exchange next to its API): buy AITBC with
// Bitcoin testnet at 1 BTC = 100,000 AITBC and follow the order until the AITBC is minted.
import "../common/style.css";
import "./exchange.css";
import { h } from "../common/dom.js";
import { bootPage, renderShell } from "../common/layout.js";
import { problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import { startRouter } from "../common/router.js";
import type { Session } from "../common/session.js";
import { card, emptyState } from "../common/widgets.js";
import { aitbc } from "../common/format.js";
import { buyForm, rateCard } from "./buy-form.js";
import { orderView } from "./order-view.js";
import { ordersList } from "./orders-list.js";

async function homeView(session: Session, _ctx: RouteContext): Promise<Node> {
  const rates = await session.client.exchange.getRates();
  const side: Node[] = [rateCard(rates)];
  if (session.apiKey) {
    const [balance, orders] = await Promise.allSettled([
      session.client.wallet.getBalance(),
      session.client.exchange.listOrders({ query: { limit: 10 } }),
    ]);
    side.push(
      card(
        "Your balance",
        balance.status === "fulfilled"
          ? h(
              "div",
              null,
              h("div", { class: "rate-big", id: "wallet-balance" }, aitbc(balance.value.balance)),
              h("div", { class: "muted small" }, balance.value.address),
            )
          : problemNotice(balance.reason),
      ),
    );
    side.push(
      orders.status === "fulfilled"
        ? ordersList(orders.value.items)
        : card("Your orders", problemNotice(orders.reason)),
    );
  }
  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "Trade Exchange"),
        h(
          "p",
          null,
          "Buy AITBC tokens with Bitcoin (testnet). They are minted to your account's address once the payment confirms.",
        ),
      ),
    ),
    h("div", { class: "grid-2" }, buyForm(session, rates), h("div", { class: "stack" }, side)),
  );
}

void bootPage("exchange", (session) => {
  const shell = renderShell({
    site: "exchange",
    session,
    keyPurpose: "Your key says which account receives the AITBC.",
  });
  const rerender = startRouter(
    shell.outlet,
    [
      [/^\/$/, (ctx) => homeView(session, ctx)],
      [/^\/orders\/([0-9a-f]{32})$/, (ctx) => orderView(session, ctx)],
    ],
    () => emptyState("Page not found", null, h("a", { class: "btn", href: "#/" }, "Buy AITBC")),
  );
  let lastKey = session.apiKey;
  session.onChange(() => {
    if (!session.identity.checking && session.apiKey !== lastKey) {
      lastKey = session.apiKey;
      rerender();
    }
  });
});
