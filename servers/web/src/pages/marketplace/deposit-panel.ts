// A signed-in customer's prepaid deposit: what it holds, adding to it, and withdrawing it in the
// chain's two steps (withdraw starts the delay, release returns the rest from the unlock block on).
// The wallet answers each step once a block has it, with the deposit as it is then.
import { toMicro, type WalletTypes } from "@aitbc/sdk";
import { dateTime, aitbc } from "../common/format.js";
import { fieldValue, fill, h } from "../common/dom.js";
import { notice, problemNotice } from "../common/problems.js";
import type { Session } from "../common/session.js";
import { badge, card, definitionList } from "../common/widgets.js";

type Deposit = WalletTypes.WalletDeposit;

const AMOUNT = /^\d+(\.\d{1,6})?$/;

export function depositPanel(session: Session): HTMLElement {
  const summary = h("div", { id: "deposit-summary" }, h("p", { class: "muted" }, "Loading…"));
  const actions = h("div", { class: "deposit-actions" });
  const status = h("div", { id: "deposit-status", "aria-live": "polite" });
  const addButton = h("button", { class: "btn", type: "submit", id: "deposit-add" }, "Add");
  const form = h(
    "form",
    { class: "form deposit-form", id: "deposit-form" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "deposit-amount" }, "Add AITBC"),
      h("input", {
        id: "deposit-amount",
        name: "amount",
        inputmode: "decimal",
        placeholder: "100",
        autocomplete: "off",
      }),
    ),
    h("div", null, addButton),
  );

  const show = (d: Deposit) => {
    fill(summary, depositSummary(d));
    fill(actions, withdrawControl(d));
  };
  const run = (
    waiting: string,
    call: () => Promise<WalletTypes.DepositTransaction>,
    done: string,
  ) => {
    for (const b of [addButton, ...actions.querySelectorAll("button")]) b.disabled = true;
    fill(status, h("p", { class: "muted" }, waiting));
    call()
      .then((tx) => {
        show(tx.deposit);
        fill(
          status,
          notice(
            "success",
            done,
            `Transaction ${tx.tx_hash.slice(0, 12)}… in block ${tx.block_height}.`,
          ),
        );
      })
      .catch((err: unknown) => {
        fill(
          status,
          problemNotice(err, {
            forbidden: "Deposits belong to customer accounts. Use a customer API key.",
            insufficientFunds: "Add less, or buy AITBC on the Trade Exchange first.",
          }),
        );
      })
      .finally(() => {
        addButton.disabled = false;
        for (const b of actions.querySelectorAll("button")) b.disabled = false;
      });
  };

  const withdrawControl = (d: Deposit): HTMLElement | null => {
    if (d.status === "active") {
      const b = h(
        "button",
        { class: "btn btn-ghost", type: "button", id: "deposit-withdraw" },
        "Withdraw",
      );
      b.addEventListener("click", () =>
        run(
          "Starting the withdrawal on the chain…",
          () => session.client.wallet.withdrawDeposit({ body: {} }),
          "Withdrawal started",
        ),
      );
      return b;
    }
    if (d.status === "withdrawing" && d.releasable) {
      const b = h(
        "button",
        { class: "btn", type: "button", id: "deposit-release" },
        "Release to my balance",
      );
      b.addEventListener("click", () =>
        run(
          "Releasing the deposit on the chain…",
          () => session.client.wallet.releaseDeposit({ body: {} }),
          "Released to your balance",
        ),
      );
      return b;
    }
    return null;
  };

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const raw = fieldValue(form, "amount").trim();
    if (!AMOUNT.test(raw) || toMicro(raw) === 0n) {
      fill(
        status,
        notice(
          "error",
          "Please check the amount",
          "A positive AITBC amount with at most 6 decimals.",
        ),
      );
      return;
    }
    run(
      "Locking it in your deposit on the chain…",
      () => session.client.wallet.lockDeposit({ body: { amount: Number(raw) } }),
      "Added to your deposit",
    );
  });

  session.client.wallet
    .getDeposit()
    .then(show)
    .catch((err: unknown) => fill(summary, problemNotice(err)));

  return card(
    "Prepaid deposit",
    [
      h(
        "p",
        { class: "muted" },
        "Jobs are paid from your deposit and start at once; without one, each job locks its own escrow first.",
      ),
      summary,
      form,
      actions,
      status,
    ],
    { id: "deposit-card" },
  );
}

function depositSummary(d: Deposit): HTMLElement {
  const tone = d.status === "active" ? "ok" : d.status === "withdrawing" ? "warn" : "muted";
  const rows: Array<[string, HTMLElement | string]> = [
    [
      "Deposit",
      h(
        "span",
        null,
        h("strong", { id: "deposit-amount-value" }, aitbc(d.amount)),
        " ",
        badge(d.status, tone, { id: "deposit-state" }),
      ),
    ],
    ["Finalized", `${aitbc(d.finalized.amount)} at block ${d.finalized.height}`],
  ];
  if (d.status === "withdrawing")
    rows.push([
      "Release",
      h(
        "span",
        { id: "deposit-unlock" },
        d.releasable
          ? `possible now (unlocked at block ${d.unlock_height})`
          : `from block ${d.unlock_height}, about ${dateTime(d.unlock_estimated_at)}`,
      ),
    ]);
  return definitionList(rows);
}
