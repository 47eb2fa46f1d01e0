// "Become a Provider": the provider registers its service. The form is the provider's details
// plus its service_config (specs, pricing, availability), sent as POST /v1/services/register with the
// provider's key. Customers see the service in the listing at once.
import { toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { fieldValue, fill, h } from "../common/dom.js";
import { KNOWN_SERVICE_TYPES, serviceTypeLabel } from "../common/format.js";
import { DEV_KEYS_HINT, notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { card } from "../common/widgets.js";

const AMOUNT = /^\d+(\.\d{1,6})?$/;
const SLUG = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

// A function, not a constant: DOM nodes live in one place, and the hint shows in two.
const providerKeyHint = () => [
  "Registering a service needs a provider account's API key. An admin creates one with ",
  h("code", null, 'POST /v1/admin/accounts {"role": "provider"}'),
  ". ",
  DEV_KEYS_HINT,
];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function field(label: string, input: HTMLElement, help?: string) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: input.id }, label),
    input,
    help ? h("span", { class: "help" }, help) : null,
  );
}

export function providerView(session: Session, _ctx: RouteContext): Node {
  const me = session.identity.me;
  const rateField = field(
    "Rate (AITBC tokens/hour)",
    h("input", {
      id: "rate",
      name: "rate_per_hour",
      type: "number",
      min: "0",
      step: "any",
      value: "100",
    }),
  );
  const tokenFields = h(
    "div",
    { class: "fields-2", id: "token-price-fields", hidden: true },
    field(
      "AITBC per 1k output tokens",
      h("input", {
        id: "price-output",
        name: "price_per_1k_output_tokens",
        type: "number",
        min: "0",
        step: "any",
        value: "0.002",
      }),
    ),
    field(
      "AITBC per 1k input tokens",
      h("input", {
        id: "price-input",
        name: "price_per_1k_input_tokens",
        type: "number",
        min: "0",
        step: "any",
      }),
      "Optional: input tokens are free without it.",
    ),
  );
  const today = new Date();
  const nextYear = new Date(today.getTime() + 365 * 24 * 3600 * 1000);
  const status = h("div", { id: "provider-form-status", "aria-live": "polite" });
  const submit = h(
    "button",
    { class: "btn", type: "submit", id: "provider-submit" },
    "List my service",
  );

  const roleNotice = !session.apiKey
    ? notice("info", "Sign in with a provider key first", providerKeyHint())
    : me && me.role !== "provider"
      ? notice(
          "warning",
          `You are signed in as ${me.name}, a ${me.role} account`,
          providerKeyHint(),
        )
      : null;

  const form = h(
    "form",
    { class: "form", id: "provider-form", novalidate: true },
    h("h3", null, "Provider"),
    field(
      "Provider name",
      h("input", {
        id: "provider-name",
        name: "provider_name",
        readonly: true,
        value: me?.role === "provider" ? me.name : "",
        placeholder: "Sign in with your provider key",
      }),
      "The name of the provider account behind your key; customers see it with your reputation.",
    ),
    h("h3", null, "Service"),
    h(
      "div",
      { class: "fields-2" },
      field(
        "Service name",
        h("input", {
          id: "service-name-input",
          name: "name",
          required: true,
          maxlength: "200",
          placeholder: "GPU Computing Service",
        }),
      ),
      field(
        "Service ID (optional)",
        h("input", {
          id: "service-id-input",
          name: "service_id",
          maxlength: "128",
          placeholder: "gpu-compute-001",
        }),
        "Letters, digits, dots, dashes; generated when empty.",
      ),
    ),
    field(
      "Service type",
      h(
        "select",
        { id: "service-type", name: "type" },
        KNOWN_SERVICE_TYPES.map((t) => h("option", { value: t }, serviceTypeLabel(t))),
      ),
    ),
    field(
      "Description",
      h("textarea", {
        id: "service-description",
        name: "description",
        maxlength: "2000",
        placeholder: "High-performance GPU computing for AI/ML workloads",
      }),
    ),
    h("h3", null, "Hardware"),
    h(
      "div",
      { class: "fields-3" },
      field(
        "GPU",
        h("input", {
          id: "gpu-type",
          name: "gpu_type",
          required: true,
          placeholder: "NVIDIA RTX 4090",
        }),
      ),
      field(
        "GPU memory",
        h("input", { id: "gpu-memory", name: "memory", required: true, placeholder: "24GB" }),
      ),
      field(
        "CUDA cores",
        h("input", {
          id: "cuda-cores",
          name: "cuda_cores",
          type: "number",
          min: "0",
          placeholder: "16384",
        }),
      ),
    ),
    h(
      "div",
      { class: "fields-2" },
      field(
        "Supported frameworks",
        h("input", {
          id: "frameworks",
          name: "frameworks",
          placeholder: "PyTorch, TensorFlow, JAX",
        }),
        "Comma-separated.",
      ),
      field(
        "Models",
        h("input", { id: "models", name: "models", placeholder: "aitbc-tiny:latest" }),
        "Comma-separated. Jobs are matched on the models your online miners actually serve.",
      ),
    ),
    h("h3", null, "Pricing and availability"),
    h(
      "div",
      { class: "fields-2" },
      field(
        "Pricing model",
        h(
          "select",
          { id: "pricing-model", name: "pricing_model" },
          h("option", { value: "per_hour" }, "Per hour"),
          h("option", { value: "per_1k_tokens" }, "Per 1k tokens (LLM)"),
        ),
        "Per hour: billed per GPU-second at the hourly rate. Per 1k tokens: billed per output " +
          "(and optionally input) token, rounded up to the micro-AITBC. A job never costs more " +
          "than its budget.",
      ),
      rateField,
    ),
    tokenFields,
    h(
      "div",
      { class: "fields-2" },
      field(
        "Available from",
        h("input", { id: "available-from", name: "start", type: "date", value: isoDay(today) }),
        "UTC, from 00:00.",
      ),
      field(
        "Available until",
        h("input", { id: "available-until", name: "end", type: "date", value: isoDay(nextYear) }),
        "UTC, until 23:59:59.",
      ),
    ),
    status,
    h("div", null, submit),
  );

  const perToken = () => fieldValue(form, "pricing_model") === "per_1k_tokens";
  form.querySelector("#pricing-model")!.addEventListener("change", () => {
    rateField.hidden = perToken();
    tokenFields.hidden = !perToken();
  });

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const problems: string[] = [];
    const name = fieldValue(form, "name");
    const serviceId = fieldValue(form, "service_id");
    const rate = fieldValue(form, "rate_per_hour");
    const outputPrice = fieldValue(form, "price_per_1k_output_tokens");
    const inputPrice = fieldValue(form, "price_per_1k_input_tokens");
    const gpu = fieldValue(form, "gpu_type");
    const memory = fieldValue(form, "memory");
    const cores = fieldValue(form, "cuda_cores");
    const start = fieldValue(form, "start");
    const end = fieldValue(form, "end");
    if (!name) problems.push("Service name is required.");
    if (serviceId && !SLUG.test(serviceId))
      problems.push("Service ID may only use letters, digits, dots and dashes.");
    if (!gpu) problems.push("GPU is required.");
    if (!memory) problems.push("GPU memory is required.");
    if (perToken()) {
      if (!AMOUNT.test(outputPrice) || toMicro(outputPrice) === 0n)
        problems.push("The output token price must be a positive amount with at most 6 decimals.");
      if (inputPrice && !AMOUNT.test(inputPrice))
        problems.push("The input token price must be an amount with at most 6 decimals.");
    } else if (!AMOUNT.test(rate) || toMicro(rate) === 0n)
      problems.push("Rate must be a positive amount with at most 6 decimals.");
    if (cores && !/^\d+$/.test(cores)) problems.push("CUDA cores must be a whole number.");
    if (start && end && end < start) problems.push("“Available until” is before “Available from”.");
    if (problems.length) {
      fill(
        status,
        notice(
          "error",
          "Please check the form",
          h(
            "ul",
            null,
            problems.map((p) => h("li", null, p)),
          ),
        ),
      );
      return;
    }
    const list = (v: string) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    const frameworks = list(fieldValue(form, "frameworks"));
    const models = list(fieldValue(form, "models"));
    const description = fieldValue(form, "description");
    const body: CoordinatorTypes.ServiceRegistration = {
      ...(serviceId ? { service_id: serviceId } : {}),
      name,
      type: fieldValue(form, "type"),
      ...(description ? { description } : {}),
      specs: {
        gpu_type: gpu,
        memory,
        ...(cores ? { cuda_cores: Number(cores) } : {}),
        ...(frameworks.length ? { supported_frameworks: frameworks } : {}),
        ...(models.length ? { models } : {}),
      },
      pricing: perToken()
        ? {
            currency: "AITBC",
            unit_type: "tokens",
            price_per_1k_output_tokens: Number(outputPrice),
            ...(inputPrice ? { price_per_1k_input_tokens: Number(inputPrice) } : {}),
          }
        : { rate_per_hour: Number(rate), currency: "AITBC" },
      ...(start && end
        ? {
            availability: {
              start_time: `${start}T00:00:00Z`,
              end_time: `${end}T23:59:59Z`,
              timezone: "UTC",
            },
          }
        : {}),
    };
    submit.disabled = true;
    fill(status, h("p", { class: "muted" }, "Registering your service…"));
    session.client.coordinator
      .registerService({ body })
      .then((service) => {
        location.hash = `#/services/${encodeURIComponent(service.service_id)}?listed=1`;
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        fill(status, problemNotice(err, { forbidden: providerKeyHint() }));
      });
  });

  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "Become a Provider"),
        h(
          "p",
          null,
          "List your GPU compute. Your miners run the jobs, sign the receipts, and you are paid on the chain for every metered second.",
        ),
      ),
    ),
    roleNotice,
    h(
      "div",
      { class: "grid-2" },
      card(null, form),
      card(
        "How it works",
        h(
          "ol",
          { class: "steps-list" },
          h("li", null, "List a service here with your provider key."),
          h(
            "li",
            null,
            "Run a miner with the same key: ",
            h("code", null, "npx aitbc-miner"),
            ". Its models make your service runnable.",
          ),
          h("li", null, "Customers submit jobs with a budget locked in escrow."),
          h(
            "li",
            null,
            "Your miner streams the output and signs a receipt; the coordinator settles the payment to your address.",
          ),
        ),
      ),
    ),
  );
}
