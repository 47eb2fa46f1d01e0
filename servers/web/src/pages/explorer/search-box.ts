// One box for everything a reader might paste: a tx hash, a block height, an address or a job id.
import { h } from "../common/dom.js";

export function searchTarget(q: string): string | null {
  const v = q.trim();
  if (/^\d+$/.test(v)) return `/blocks/${v}`;
  if (/^0x[0-9a-f]{64}$/i.test(v)) return `/tx/${v.toLowerCase()}`;
  if (/^aitbc[0-9a-f]{40}$/i.test(v)) return `/address/${v.toLowerCase()}`;
  if (/^[0-9a-f]{32}$/i.test(v)) return `/jobs/${v.toLowerCase()}`;
  return null;
}

export function searchBox(): HTMLElement {
  const input = h("input", {
    id: "explorer-search",
    type: "search",
    placeholder: "Search by tx hash, block height, address or job id",
    "aria-label": "Search the chain",
  });
  const error = h("div", { class: "search-error", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "search", role: "search" },
    input,
    h("button", { class: "btn", type: "submit" }, "Search"),
    error,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const target = searchTarget(input.value);
    if (!target) {
      error.textContent =
        "Not a tx hash (0x + 64 hex), block height, address (aitbc + 40 hex) or job id (32 hex).";
      return;
    }
    error.textContent = "";
    location.hash = `#${target}`;
  });
  return form;
}
