// The customer buys AITBC with Bitcoin (testnet) at the exchange's fixed rate.
import { fromMicro, type ExchangeTypes } from "@aitbc/sdk";
import { fieldValue, fill, h } from "../common/dom.js";
import { aitbc, btcFromSats, formatAmount, formatInteger } from "../common/format.js";
import { notice, problemNotice } from "../common/problems.js";
import type { Session } from "../common/session.js";
import { card } from "../common/widgets.js";
import { quote } from "./quote.js";

export function buyForm(session: Session, rates: ExchangeTypes.Rates): HTMLElement {
  const quoteLine = h("div", { class: "quote", id: "quote", "aria-live": "polite" });
  const status = h("div", { id: "buy-status", "aria-live": "polite" });
  const submit = h(
    "button",
    { class: "btn btn-block", type: "submit", id: "buy-submit" },
    "Create order",
  );
  const amount = h("input", {
    id: "buy-amount",
    name: "amount_aitbc",
    type: "number",
    min: String(rates.min_order_aitbc),
    max: String(rates.max_order_aitbc),
    step: "any",
    value: "1000",
    required: true,
  });
  const form = h(
    "form",
    { class: "form", id: "buy-form" },
    h("div", { class: "field" }, h("label", { for: "buy-amount" }, "Amount (AITBC)"), amount),
    h(
      "div",
      { class: "field" },
      h("label", { for: "buy-method" }, "Payment method"),
      h(
        "select",
        { id: "buy-method", name: "payment_method" },
        rates.payment_methods.map((m) =>
          h("option", { value: m }, m === "bitcoin_testnet" ? "Bitcoin (testnet)" : m),
        ),
      ),
    ),
    quoteLine,
    submit,
    status,
  );

  const renderQuote = () => {
    const q = quote(amount.value, rates.sats_per_aitbc);
    if (typeof q === "string") {
      fill(quoteLine, h("span", { class: "muted" }, q));
      return;
    }
    fill(
      quoteLine,
      h(
        "div",
        { class: "quote-pay" },
        "You pay ",
        h("strong", { id: "quote-btc" }, `${btcFromSats(q.sats)} BTC`),
      ),
      h(
        "div",
        { class: "muted small" },
        `${formatInteger(q.sats)} sats · you receive ${aitbc(q.micro)}`,
      ),
    );
  };
  amount.addEventListener("input", renderQuote);
  renderQuote();

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = quote(fieldValue(form, "amount_aitbc"), rates.sats_per_aitbc);
    if (typeof q === "string") {
      fill(status, notice("error", "Please check the amount", q));
      return;
    }
    if (!session.apiKey) {
      fill(
        status,
        notice(
          "warning",
          "Sign in first",
          "The AITBC goes to your account's address: paste your API key in the box at the top right.",
        ),
      );
      return;
    }
    submit.disabled = true;
    fill(status, h("p", { class: "muted" }, "Creating the order…"));
    session.client.exchange
      .createOrder({
        body: {
          amount_aitbc: fromMicro(q.micro),
          payment_method: fieldValue(form, "payment_method") as ExchangeTypes.PaymentMethod,
        },
      })
      .then((order) => {
        location.hash = `#/orders/${order.order_id}`;
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        fill(
          status,
          problemNotice(err, {
            forbidden:
              "This key cannot buy AITBC. Use a customer or provider account's key (the admin key has no address).",
          }),
        );
      });
  });
  return card("Buy AITBC", form, { id: "buy-card" });
}

export function rateCard(rates: ExchangeTypes.Rates): HTMLElement {
  return card(
    "Exchange rate",
    h(
      "div",
      { id: "rate-card" },
      h(
        "div",
        { class: "rate-big", id: "rate" },
        `1 BTC = ${formatAmount(rates.aitbc_per_btc)} AITBC`,
      ),
      h("div", { class: "muted small" }, `1 AITBC = ${formatInteger(rates.sats_per_aitbc)} sats`),
      h(
        "ul",
        { class: "rate-facts" },
        h(
          "li",
          null,
          `Orders from ${aitbc(rates.min_order_aitbc)} to ${aitbc(rates.max_order_aitbc)}`,
        ),
        h(
          "li",
          null,
          `Credited after ${rates.required_confirmations} confirmation${rates.required_confirmations === 1 ? "" : "s"}`,
        ),
        h(
          "li",
          null,
          `An order waits ${Math.round(rates.order_ttl_s / 60)} minutes for its payment`,
        ),
      ),
    ),
  );
}
