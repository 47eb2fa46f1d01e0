// One order, followed live: the deposit address and the exact satoshis to send, then the payment's
// confirmations, then the mint of the AITBC on the chain.
import { NotFoundError, type ExchangeTypes } from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import {
  aitbc,
  btcFromSats,
  dateTime,
  formatInteger,
  shortHash,
  timeAgo,
} from "../common/format.js";
import { every } from "../common/poll.js";
import { notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import {
  card,
  copyButton,
  definitionList,
  emptyState,
  mono,
  pageLink,
  statusBadge,
} from "../common/widgets.js";

const STEPS: Array<[ExchangeTypes.OrderStatus, string]> = [
  ["awaiting_payment", "Awaiting payment"],
  ["paid", "Payment confirmed"],
  ["minted", "AITBC minted"],
];

function orderSteps(status: ExchangeTypes.OrderStatus): HTMLElement {
  const at = STEPS.findIndex(([s]) => s === status);
  return h(
    "ol",
    { class: "stepper", id: "order-steps", "data-status": status },
    STEPS.map(([s, label], i) =>
      h(
        "li",
        {
          class:
            status === "expired"
              ? i === 0
                ? "failed"
                : ""
              : status === "minted" || i < at
                ? "done"
                : i === at
                  ? "current"
                  : "",
        },
        status === "expired" && i === 0 ? "Expired" : label,
        h("span", { hidden: true }, s),
      ),
    ),
  );
}

function devPaymentHint(fakeBitcoin: string, order: ExchangeTypes.Order): HTMLElement {
  const pay = `curl -s -X POST ${fakeBitcoin}/_fake/pay -H 'Content-Type: application/json' -d '{"address":"${order.deposit_address}","sats":${order.amount_sats}}'`;
  const mine = `curl -s -X POST ${fakeBitcoin}/_fake/mine`;
  const both = `${pay} && ${mine}`;
  return notice("info", "Dev stack: simulate the Bitcoin payment", [
    h(
      "p",
      null,
      "This stack has no Bitcoin testnet; the exchange watches a local stand-in instead. Send the payment and mine a block from a terminal:",
    ),
    h("pre", { class: "cmd" }, both),
    h("div", { class: "row" }, copyButton(both, "Copy commands")),
  ]);
}

export async function orderView(session: Session, ctx: RouteContext): Promise<Node> {
  const orderId = ctx.params[0]!;
  if (!session.apiKey)
    return emptyState(
      "Sign in to see this order",
      "Orders are private: paste the key of the account that placed it.",
    );
  let order: ExchangeTypes.Order;
  try {
    order = await session.client.exchange.getOrder({ path: { order_id: orderId } });
  } catch (err) {
    if (err instanceof NotFoundError)
      return emptyState(
        "No such order",
        "There is no order with this id for your key.",
        h("a", { class: "btn btn-ghost", href: "#/" }, "Buy AITBC"),
      );
    throw err;
  }

  const steps = h("div");
  const status = h("span", { id: "order-status" });
  const details = h("div");
  const outcome = h("div", { id: "order-outcome" });
  const problem = h("div");
  const hint = h("div");

  const render = (o: ExchangeTypes.Order) => {
    fill(steps, orderSteps(o.status));
    fill(status, statusBadge(o.status));
    status.dataset.status = o.status;
    fill(
      details,
      definitionList([
        ["You receive", h("strong", null, aitbc(o.amount_aitbc))],
        [
          "Send exactly",
          h(
            "span",
            null,
            h("strong", { id: "order-btc" }, `${btcFromSats(o.amount_sats)} BTC`),
            h("span", { class: "muted" }, ` (${formatInteger(o.amount_sats)} sats)`),
          ),
        ],
        [
          "To this address",
          h("span", { class: "row" }, mono(o.deposit_address), copyButton(o.deposit_address)),
        ],
        ["Received", `${formatInteger(o.received_sats)} sats`],
        ["Confirmations", String(o.confirmations)],
        [
          "Bitcoin txs",
          o.btc_txids.length
            ? h(
                "span",
                null,
                o.btc_txids.map((t) => h("div", null, mono(shortHash(t, 10), t))),
              )
            : "none yet",
        ],
        ["Credited to", mono(o.buyer_address)],
        ["Created", dateTime(o.created_at)],
        [
          "Pay before",
          o.status === "awaiting_payment"
            ? `${dateTime(o.expires_at)} (${timeAgo(o.expires_at)})`
            : dateTime(o.expires_at),
        ],
      ]),
    );
    if (o.status === "minted") {
      fill(
        outcome,
        notice("success", `${aitbc(o.amount_aitbc)} minted to your address`, [
          "Mint transaction ",
          o.mint_tx_hash
            ? pageLink(
                session.config.explorer,
                `/tx/${o.mint_tx_hash}`,
                mono(shortHash(o.mint_tx_hash, 10)),
                { id: "mint-tx", "data-tx-hash": o.mint_tx_hash },
              )
            : "—",
          ` at ${dateTime(o.minted_at)}.`,
        ]),
      );
      fill(hint);
      void session.client.wallet.getBalance().then(
        (b) =>
          fill(
            hint,
            card(
              "Your balance",
              h(
                "div",
                null,
                h("div", { class: "rate-big", id: "balance-after-mint" }, aitbc(b.balance)),
                h(
                  "p",
                  { class: "muted small" },
                  "Ready to spend on GPU compute. ",
                  pageLink(session.config.marketplace, "/", "Browse services →"),
                ),
              ),
            ),
          ),
        () => undefined,
      );
    } else if (o.status === "expired") {
      fill(
        outcome,
        notice(
          "warning",
          "This order expired",
          "No full payment arrived in time. If you sent BTC anyway, contact the exchange with the order id; otherwise create a new order.",
        ),
      );
      fill(hint);
    } else if (o.status === "paid") {
      fill(outcome, notice("info", "Payment confirmed", "Minting your AITBC on the chain…"));
    } else if (session.config.fake_bitcoin) {
      fill(hint, devPaymentHint(session.config.fake_bitcoin, o));
    }
  };
  render(order);

  const done = new AbortController();
  ctx.signal.addEventListener("abort", () => done.abort(), { once: true });
  if (order.status === "awaiting_payment" || order.status === "paid")
    every(
      1500,
      async () => {
        const o = await session.client.exchange.getOrder({ path: { order_id: orderId } });
        if (done.signal.aborted) return;
        fill(problem);
        render(o);
        if (o.status === "minted" || o.status === "expired") done.abort();
      },
      done.signal,
      (err) => fill(problem, problemNotice(err)),
    );

  return h(
    "section",
    { class: "page", id: "order-detail", "data-order-id": orderId },
    h("a", { href: "#/", class: "small" }, "← Exchange"),
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "Order ", h("code", null, orderId.slice(0, 12) + "…")),
        h("p", null, "Buying AITBC with Bitcoin (testnet)"),
      ),
      status,
    ),
    steps,
    problem,
    outcome,
    h(
      "div",
      { class: "grid-2" },
      card("Payment", details, { id: "order-card" }),
      h("div", { class: "stack" }, hint),
    ),
  );
}
