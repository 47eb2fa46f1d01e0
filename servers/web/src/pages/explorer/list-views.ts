// Every block and every transaction, newest first, page by page; transactions filter by type
// (the "Settlements" tab is type=escrow_release).
import type { NodeTypes } from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import type { RouteContext } from "../common/router.js";
import { card } from "../common/widgets.js";
import { TX_TYPE_NAMES, txTypeLabel } from "./chain-labels.js";
import { blocksTable, txsTable } from "./chain-tables.js";
import type { Explorer } from "./explorer-context.js";

function pager(next: string | null | undefined, base: string, query: URLSearchParams) {
  const first = query.has("cursor");
  const q = new URLSearchParams(query);
  q.delete("cursor");
  const firstHref = `#${base}${q.toString() ? `?${q}` : ""}`;
  if (next) q.set("cursor", next);
  return h(
    "div",
    { class: "pager" },
    first ? h("a", { class: "btn btn-ghost btn-small", href: firstHref }, "← Newest") : null,
    next
      ? h(
          "a",
          { class: "btn btn-ghost btn-small", href: `#${base}?${q}`, id: "next-page" },
          "Older →",
        )
      : null,
  );
}

export async function blocksView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const cursor = ctx.query.get("cursor");
  const page = await x.session.client.node.listBlocks({
    query: { limit: 25, ...(cursor ? { cursor } : {}) },
  });
  return h(
    "section",
    { class: "page" },
    h("div", { class: "page-head" }, h("h1", null, "Blocks")),
    card(
      null,
      h("div", null, blocksTable(page.items), pager(page.page.next_cursor, "/blocks", ctx.query)),
    ),
  );
}

export async function txsView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const cursor = ctx.query.get("cursor");
  const type = ctx.query.get("type") ?? "";
  const validType = TX_TYPE_NAMES.includes(type) ? (type as NodeTypes.TransactionType) : undefined;
  const [page, book] = await Promise.all([
    x.session.client.node.listTransactions({
      query: {
        limit: 25,
        ...(cursor ? { cursor } : {}),
        ...(validType ? { type: validType } : {}),
      },
    }),
    x.book(),
  ]);
  const select = h(
    "select",
    { id: "tx-type-filter", "aria-label": "Transaction type" },
    h("option", { value: "" }, "All types"),
    TX_TYPE_NAMES.map((t) => h("option", { value: t, selected: t === validType }, txTypeLabel(t))),
  );
  select.addEventListener("change", () => {
    location.hash = select.value ? `#/txs?type=${select.value}` : "#/txs";
  });
  const body = h("div");
  fill(body, txsTable(page.items, book), pager(page.page.next_cursor, "/txs", ctx.query));
  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, validType === "escrow_release" ? "Settlements" : "Transactions"),
        validType === "escrow_release"
          ? h(
              "p",
              null,
              "Each settlement closes a job's escrow: the provider is paid the metered cost and the customer gets the rest back.",
            )
          : null,
      ),
      select,
    ),
    card(null, body),
  );
}
