// The explorer (:22000): blocks, transactions, addresses and job settlements on the AITBC chain.
// Chain data is public, so it needs no key. With several validators the reader picks the node.
import "../common/style.css";
import "./explorer.css";
import { h } from "../common/dom.js";
import { bootPage, renderShell } from "../common/layout.js";
import { currentRoute, startRouter } from "../common/router.js";
import type { Session } from "../common/session.js";
import { emptyState } from "../common/widgets.js";
import { addressView, blockView, jobEscrowView, txView } from "./detail-views.js";
import { explorerContext } from "./explorer-context.js";
import { blocksView, txsView } from "./list-views.js";
import { overviewView } from "./overview-view.js";

const NODE_KEY = "aitbc.explorer.node";

function nodePicker(session: Session, onPick: () => void): HTMLElement | null {
  const nodes = session.config.nodes;
  if (nodes.length < 2) return null;
  const select = h(
    "select",
    { id: "node-select", class: "node-select", "aria-label": "Node to read from" },
    nodes.map((url, i) =>
      h("option", { value: String(i) }, `Node ${i + 1} · ${new URL(url).host}`),
    ),
  );
  const stored = Number(localStorage.getItem(NODE_KEY) ?? "0");
  if (stored > 0 && stored < nodes.length) {
    select.value = String(stored);
    session.useNode(stored);
  }
  select.addEventListener("change", () => {
    localStorage.setItem(NODE_KEY, select.value);
    session.useNode(Number(select.value));
    onPick();
  });
  return select;
}

void bootPage("explorer", (session) => {
  let rerender = () => {};
  const picker = nodePicker(session, () => rerender());
  const shell = renderShell({
    site: "explorer",
    session,
    headerExtra: picker,
    tabs: [
      { href: "#/", label: "Overview", id: "overview" },
      { href: "#/blocks", label: "Blocks", id: "blocks" },
      { href: "#/txs", label: "Transactions", id: "txs" },
      { href: "#/txs?type=escrow_release", label: "Settlements", id: "settlements" },
    ],
  });
  const markTab = () => {
    const { path, query } = currentRoute();
    shell.setActiveTab(
      path === "/"
        ? "overview"
        : path.startsWith("/blocks")
          ? "blocks"
          : path === "/txs" && query.get("type") === "escrow_release"
            ? "settlements"
            : path.startsWith("/tx")
              ? "txs"
              : undefined,
    );
  };
  window.addEventListener("hashchange", markTab);
  markTab();
  const x = explorerContext(session);
  rerender = startRouter(
    shell.outlet,
    [
      [/^\/$/, (ctx) => overviewView(x, ctx)],
      [/^\/blocks$/, (ctx) => blocksView(x, ctx)],
      [/^\/blocks\/(\d+)$/, (ctx) => blockView(x, ctx)],
      [/^\/txs$/, (ctx) => txsView(x, ctx)],
      [/^\/tx\/([^/]+)$/, (ctx) => txView(x, ctx)],
      [/^\/address\/([^/]+)$/, (ctx) => addressView(x, ctx)],
      [/^\/jobs\/([^/]+)$/, (ctx) => jobEscrowView(x, ctx)],
    ],
    () => emptyState("Page not found", null, h("a", { class: "btn", href: "#/" }, "Explorer home")),
  );
});
