// The browse filters (category, price range, "available now", "verified hardware only" and a minimum bond), kept in the URL
// (`#/?type=gpu_compute&min_price=50&max_price=200&available_now=true`) so a filtered view can be
// shared and reloaded, and mapped one to one onto GET /v1/services query parameters.
import { toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { fieldValue, h } from "../common/dom.js";
import { KNOWN_SERVICE_TYPES, serviceTypeLabel } from "../common/format.js";

export type ServiceQuery = NonNullable<CoordinatorTypes.ListServicesData["query"]>;

export interface Filters {
  type: string;
  min_price: string;
  max_price: string;
  available_now: boolean;
  model: string;
  framework: string;
  verified_only: boolean;
  min_bond: string;
}

const PRICE = /^\d+(\.\d{1,6})?$/;

export function filtersFromQuery(q: URLSearchParams): Filters {
  return {
    type: q.get("type") ?? "",
    min_price: q.get("min_price") ?? "",
    max_price: q.get("max_price") ?? "",
    available_now: q.get("available_now") === "true",
    model: q.get("model") ?? "",
    framework: q.get("framework") ?? "",
    verified_only: q.get("verified_only") === "true",
    min_bond: q.get("min_bond") ?? "",
  };
}

export function filtersToHash(f: Filters): string {
  const q = new URLSearchParams();
  if (f.type) q.set("type", f.type);
  if (f.min_price) q.set("min_price", f.min_price);
  if (f.max_price) q.set("max_price", f.max_price);
  if (f.available_now) q.set("available_now", "true");
  if (f.model) q.set("model", f.model);
  if (f.framework) q.set("framework", f.framework);
  if (f.verified_only) q.set("verified_only", "true");
  if (f.min_bond) q.set("min_bond", f.min_bond);
  const s = q.toString();
  return s ? `#/?${s}` : "#/";
}

/** Problems the user can fix before asking the server. */
export function filterErrors(f: Filters): string[] {
  const errors: string[] = [];
  if (f.min_price && !PRICE.test(f.min_price)) errors.push("Lowest price must be a number ≥ 0.");
  if (f.max_price && !PRICE.test(f.max_price)) errors.push("Highest price must be a number ≥ 0.");
  if (
    PRICE.test(f.min_price) &&
    PRICE.test(f.max_price) &&
    toMicro(f.min_price) > toMicro(f.max_price)
  )
    errors.push("The lowest price is above the highest price.");
  if (f.min_bond && !PRICE.test(f.min_bond))
    errors.push("Minimum bond must be a number ≥ 0 with at most 6 decimals.");
  return errors;
}

export function toServiceQuery(f: Filters): ServiceQuery {
  return {
    ...(f.type ? { type: f.type } : {}),
    ...(f.min_price && PRICE.test(f.min_price) ? { min_price: Number(f.min_price) } : {}),
    ...(f.max_price && PRICE.test(f.max_price) ? { max_price: Number(f.max_price) } : {}),
    ...(f.available_now ? { available_now: true } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(f.framework ? { framework: f.framework } : {}),
    ...(f.verified_only ? { verified_only: true } : {}),
    ...(f.min_bond && PRICE.test(f.min_bond) ? { min_bond: Number(f.min_bond) } : {}),
  };
}

export function isFiltered(f: Filters): boolean {
  return Boolean(
    f.type ||
    f.min_price ||
    f.max_price ||
    f.available_now ||
    f.model ||
    f.framework ||
    f.verified_only ||
    f.min_bond,
  );
}

export function filterForm(current: Filters, onApply: (f: Filters) => void): HTMLFormElement {
  const typeOptions = [
    ...new Set([...KNOWN_SERVICE_TYPES, ...(current.type ? [current.type] : [])]),
  ];
  const form = h(
    "form",
    { class: "filters card", id: "service-filters", "aria-label": "Filter services" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-type" }, "Service category"),
      h(
        "select",
        { id: "filter-type", name: "type" },
        h("option", { value: "" }, "All categories"),
        typeOptions.map((t) =>
          h("option", { value: t, selected: t === current.type }, serviceTypeLabel(t)),
        ),
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("span", { class: "label" }, "Price range (AITBC/hour)"),
      h(
        "div",
        { class: "price-range" },
        h("input", {
          id: "filter-min-price",
          name: "min_price",
          type: "number",
          min: "0",
          step: "any",
          inputmode: "decimal",
          placeholder: "Min",
          "aria-label": "Lowest price per hour",
          value: current.min_price,
        }),
        h("span", { class: "muted" }, "–"),
        h("input", {
          id: "filter-max-price",
          name: "max_price",
          type: "number",
          min: "0",
          step: "any",
          inputmode: "decimal",
          placeholder: "Max",
          "aria-label": "Highest price per hour",
          value: current.max_price,
        }),
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("span", { class: "label" }, "Availability"),
      h(
        "label",
        { class: "check" },
        h("input", {
          id: "filter-available-now",
          name: "available_now",
          type: "checkbox",
          checked: current.available_now,
        }),
        "Available now",
      ),
      h(
        "label",
        { class: "check" },
        h("input", {
          id: "filter-verified-only",
          name: "verified_only",
          type: "checkbox",
          checked: current.verified_only,
        }),
        "Verified hardware only",
      ),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-model" }, "Model"),
      h("input", {
        id: "filter-model",
        name: "model",
        placeholder: "e.g. aitbc-tiny:latest",
        value: current.model,
      }),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-framework" }, "Framework"),
      h("input", {
        id: "filter-framework",
        name: "framework",
        placeholder: "e.g. PyTorch",
        value: current.framework,
      }),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-min-bond" }, "Minimum provider bond (AITBC)"),
      h("input", {
        id: "filter-min-bond",
        name: "min_bond",
        type: "number",
        min: "0",
        step: "any",
        inputmode: "decimal",
        placeholder: "e.g. 10",
        value: current.min_bond,
      }),
    ),
    h(
      "div",
      { class: "filter-actions" },
      h("button", { class: "btn btn-block", type: "submit", id: "filter-apply" }, "Apply filters"),
      h("a", { class: "btn btn-ghost btn-block", href: "#/", id: "filter-clear" }, "Clear"),
    ),
  );
  const read = (): Filters => ({
    type: fieldValue(form, "type"),
    min_price: fieldValue(form, "min_price"),
    max_price: fieldValue(form, "max_price"),
    available_now: fieldValue(form, "available_now") === "on",
    model: fieldValue(form, "model"),
    framework: fieldValue(form, "framework"),
    verified_only: fieldValue(form, "verified_only") === "on",
    min_bond: fieldValue(form, "min_bond"),
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    onApply(read());
  });
  // Selects and the checkbox apply at once; typed fields apply on Enter or the button.
  form.addEventListener("change", (ev) => {
    const t = ev.target as HTMLElement;
    if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === "checkbox"))
      onApply(read());
  });
  return form;
}
