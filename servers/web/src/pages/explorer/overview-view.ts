// The explorer's front page: the chain at a glance, the newest blocks and transactions, refreshed
// every two seconds while it is open.
import { fill, h } from "../common/dom.js";
import { formatInteger, shortHash } from "../common/format.js";
import { every } from "../common/poll.js";
import { problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import { card, statCard } from "../common/widgets.js";
import { blocksTable, txsTable } from "./chain-tables.js";
import type { Explorer } from "./explorer-context.js";
import { nodesPanel } from "./nodes-panel.js";
import { searchBox } from "./search-box.js";

export async function overviewView(x: Explorer, ctx: RouteContext): Promise<Node> {
  const node = x.session.client.node;
  const stats = h("div", { class: "stats", id: "chain-stats" });
  const blocks = h("div", { id: "latest-blocks" });
  const txs = h("div", { id: "latest-txs" });
  const nodes = h("div", { id: "validator-nodes" });
  const problem = h("div");

  const refresh = async () => {
    const [sync, chain, blockPage, txPage, book, nodesTable] = await Promise.all([
      node.getSyncStatus(),
      x.chain(),
      node.listBlocks({ query: { limit: 10 } }),
      node.listTransactions({ query: { limit: 10 } }),
      x.book(),
      nodesPanel(x.session.config.nodes),
    ]);
    if (ctx.signal.aborted) return;
    const connected = sync.peers.filter((p) => p.connected).length;
    fill(
      stats,
      statCard(
        "Block height",
        h(
          "span",
          { id: "chain-height", "data-height": String(sync.height) },
          formatInteger(sync.height),
        ),
        shortHash(sync.head_hash, 6),
        "height",
      ),
      statCard("Chain", sync.chain_id, chain?.dev ? "dev chain (faucet on)" : "production genesis"),
      statCard(
        "Validators",
        String(chain?.validators.length ?? "—"),
        chain ? `block time ${chain.block_time_ms} ms` : null,
      ),
      statCard(
        "This node",
        sync.validator?.name ?? "full node",
        sync.syncing ? `syncing to #${sync.best_peer_height}` : "in sync",
      ),
      statCard("Peers", `${connected}/${sync.peers.length}`, "connected"),
      statCard("Mempool", String(sync.mempool_size), "pending txs"),
    );
    fill(blocks, blocksTable(blockPage.items, "latest-blocks-table", true));
    fill(txs, txsTable(txPage.items, book, "latest-txs-table", true));
    fill(nodes, nodesTable);
    fill(problem);
  };
  await refresh().catch((err: unknown) => fill(problem, problemNotice(err)));
  every(2000, refresh, ctx.signal, (err) => fill(problem, problemNotice(err)));

  return h(
    "section",
    { class: "page" },
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "AITBC chain explorer"),
        h("p", null, "Blocks, transactions and job settlements on the proof-of-authority chain."),
      ),
    ),
    searchBox(),
    problem,
    stats,
    h(
      "div",
      { class: "explorer-grid" },
      card(
        h("span", null, "Latest blocks ", h("a", { href: "#/blocks", class: "small" }, "all →")),
        blocks,
      ),
      card(
        h("span", null, "Latest transactions ", h("a", { href: "#/txs", class: "small" }, "all →")),
        txs,
      ),
    ),
    card("Nodes", nodes, { id: "nodes-card" }),
  );
}
