// Small building blocks the pages share: badges, stat cards, tables, copy buttons, empty states.
import { h, type Child } from "./dom.js";

export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

export function badge(text: Child, tone: Tone = "muted", attrs: Record<string, string> = {}) {
  return h("span", { class: `badge badge-${tone}`, ...attrs }, text);
}

const STATUS_TONES: Record<string, Tone> = {
  queued: "info",
  assigned: "info",
  running: "warn",
  completed: "ok",
  failed: "bad",
  expired: "bad",
  cancelled: "muted",
  locked: "warn",
  settled: "ok",
  refunded: "muted",
  online: "ok",
  offline: "muted",
  awaiting_payment: "warn",
  paid: "info",
  minted: "ok",
  confirmed: "ok",
  pending: "warn",
  rejected: "bad",
  active: "ok",
  inactive: "muted",
};

export function statusBadge(status: string, label?: string) {
  const text = status.replace(/_/g, " ");
  return badge(
    label ?? text.charAt(0).toUpperCase() + text.slice(1),
    STATUS_TONES[status] ?? "muted",
    {
      "data-status": status,
    },
  );
}

export function statCard(label: Child, value: Child, sub?: Child, testId?: string) {
  return h(
    "div",
    { class: "stat", ...(testId ? { "data-stat": testId } : {}) },
    h("div", { class: "stat-label" }, label),
    h("div", { class: "stat-value" }, value),
    sub ? h("div", { class: "stat-sub" }, sub) : null,
  );
}

export function card(title: Child, body: Child, attrs: Record<string, string> = {}) {
  return h(
    "section",
    { class: "card", ...attrs },
    title ? h("h2", { class: "card-title" }, title) : null,
    body,
  );
}

export function table(
  headers: Child[],
  rows: Child[][],
  attrs: Record<string, string> = {},
  rowAttrs?: (i: number) => Record<string, string>,
) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      attrs,
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          headers.map((x) => h("th", null, x)),
        ),
      ),
      h(
        "tbody",
        null,
        rows.map((r, i) =>
          h(
            "tr",
            rowAttrs?.(i) ?? null,
            r.map((c) => h("td", null, c)),
          ),
        ),
      ),
    ),
  );
}

export function definitionList(items: Array<[Child, Child]>, attrs: Record<string, string> = {}) {
  return h(
    "dl",
    { class: "props", ...attrs },
    items.map(([k, v]) => [h("dt", null, k), h("dd", null, v)]),
  );
}

export function emptyState(title: Child, body: Child = null, action: Child = null) {
  return h(
    "div",
    { class: "empty" },
    h("div", { class: "empty-title" }, title),
    body ? h("p", null, body) : null,
    action,
  );
}

export function loading(text = "Loading…") {
  return h(
    "div",
    { class: "loading" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    text,
  );
}

export function copyButton(text: string, label = "Copy") {
  const button = h("button", { type: "button", class: "btn btn-small btn-ghost" }, label);
  button.addEventListener("click", () => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        button.textContent = "Copied";
        setTimeout(() => (button.textContent = label), 1500);
      },
      () => undefined,
    );
  });
  return button;
}

export function mono(text: Child, title?: string) {
  return h("code", { class: "mono", ...(title ? { title } : {}) }, text);
}

/** A link to another AITBC page, or plain text when that page is not running. */
export function pageLink(
  base: string | null,
  hash: string,
  text: Child,
  attrs: Record<string, string> = {},
) {
  if (!base) return h("span", attrs, text);
  return h("a", { href: `${base}/#${hash}`, ...attrs }, text);
}
