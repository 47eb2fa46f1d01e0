// Phase 3.2: submit an inference job to this service with a budget. The budget is locked in escrow
// on the chain when the job is created; the metered cost is paid and the rest comes back.
import { toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { fieldValue, fill, h } from "../common/dom.js";
import { aitbc } from "../common/format.js";
import { notice, problemNotice } from "../common/problems.js";
import type { Session } from "../common/session.js";
import { card, pageLink } from "../common/widgets.js";

const AMOUNT = /^\d+(\.\d{1,6})?$/;

export function jobForm(session: Session, service: CoordinatorTypes.Service): HTMLElement {
  const status = h("div", { id: "job-form-status", "aria-live": "polite" });
  const balance = h("span", { id: "customer-balance", class: "muted small" });
  const canRun = service.available_now && service.models.length > 0;
  const submit = h(
    "button",
    { class: "btn btn-block", type: "submit", id: "job-submit", disabled: !canRun },
    "Submit job",
  );
  const form = h(
    "form",
    { class: "form", id: "job-form" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "job-model" }, "Model"),
      h(
        "select",
        { id: "job-model", name: "model", disabled: !canRun },
        service.models.map((m) => h("option", { value: m }, m)),
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "job-prompt" }, "Prompt"),
      h(
        "textarea",
        { id: "job-prompt", name: "prompt", required: true, maxlength: "100000" },
        "Hello AITBC",
      ),
    ),
    h(
      "div",
      { class: "fields-2" },
      h(
        "div",
        { class: "field" },
        h("label", { for: "job-max-tokens" }, "Max tokens"),
        h("input", {
          id: "job-max-tokens",
          name: "max_tokens",
          type: "number",
          min: "1",
          max: "8192",
          value: "64",
        }),
      ),
      h(
        "div",
        { class: "field" },
        h("label", { for: "job-temperature" }, "Temperature"),
        h("input", {
          id: "job-temperature",
          name: "temperature",
          type: "number",
          min: "0",
          max: "2",
          step: "0.1",
          value: "0",
        }),
      ),
    ),
    h(
      "div",
      { class: "fields-2" },
      h(
        "div",
        { class: "field" },
        h("label", { for: "job-budget" }, "Budget (AITBC)"),
        h("input", {
          id: "job-budget",
          name: "max_cost",
          type: "number",
          min: "0",
          step: "any",
          value: "5",
          required: true,
        }),
        h(
          "span",
          { class: "help" },
          "The most this job may cost; locked now, the rest is refunded.",
        ),
      ),
      h(
        "div",
        { class: "field" },
        h("label", { for: "job-ttl" }, "Time limit (s)"),
        h("input", {
          id: "job-ttl",
          name: "ttl_seconds",
          type: "number",
          min: "1",
          max: "86400",
          value: "900",
        }),
      ),
    ),
    submit,
    balance,
    status,
  );

  if (!canRun)
    status.appendChild(
      notice(
        "warning",
        "This service cannot run a job right now",
        service.available_now
          ? "None of the provider's miners is online, so no model is being served. Try another service."
          : "It is outside its availability window or inactive.",
      ),
    );

  if (session.apiKey)
    void session.client.wallet
      .getBalance()
      .then((b) => fill(balance, `Your balance: ${aitbc(b.balance)}`))
      .catch(() => undefined);

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const maxCost = fieldValue(form, "max_cost");
    const maxTokens = fieldValue(form, "max_tokens");
    const temperature = fieldValue(form, "temperature");
    const ttl = fieldValue(form, "ttl_seconds");
    if (!AMOUNT.test(maxCost) || toMicro(maxCost) === 0n) {
      fill(
        status,
        notice(
          "error",
          "Please check the form",
          "The budget must be a positive amount with at most 6 decimals.",
        ),
      );
      return;
    }
    if (!session.apiKey) {
      fill(
        status,
        notice(
          "warning",
          "Sign in first",
          "Jobs are paid from a customer account: paste a customer API key in the box at the top right.",
        ),
      );
      return;
    }
    const body: CoordinatorTypes.CreateJobRequest = {
      service_id: service.service_id,
      requirements: {
        task_type: "inference",
        model: fieldValue(form, "model"),
        prompt: fieldValue(form, "prompt"),
        ...(maxTokens ? { max_tokens: Number(maxTokens) } : {}),
        ...(temperature ? { temperature: Number(temperature) } : {}),
      },
      budget: { max_cost: Number(maxCost), currency: "AITBC" },
      ...(ttl ? { ttl_seconds: Number(ttl) } : {}),
    };
    submit.disabled = true;
    fill(status, h("p", { class: "muted" }, "Locking your budget in escrow on the chain…"));
    session.client.coordinator
      .createJob({ body })
      .then((job) => {
        location.hash = `#/jobs/${job.job_id}`;
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        fill(
          status,
          problemNotice(err, {
            forbidden: "Jobs are submitted and paid by customer accounts. Use a customer API key.",
            insufficientFunds: [
              "Lower the budget, or buy AITBC on the ",
              pageLink(session.config.exchange, "/", "Trade Exchange"),
              ".",
            ],
          }),
        );
      });
  });

  return card("Submit a job", form, { id: "job-card" });
}
