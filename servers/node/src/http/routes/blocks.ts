import { NotFound } from "@aitbc/server-lib";
import type { NodeTypes } from "@aitbc/sdk";
import { BlockRepo } from "../../data/block-repo.js";
import { TxRepo } from "../../data/tx-repo.js";
import { decodeHeightCursor } from "../cursor.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";
import { blockSummaryFromRow, genesisSummary } from "../views/block-view.js";

export function blockRoutes(
  deps: NodeDeps,
): NodeHandlers<"getLatestBlock" | "getBlock" | "listBlocks"> {
  const blocks = new BlockRepo(deps.db);
  const txs = new TxRepo(deps.db);
  const { env, chain } = deps.node;

  async function blockView(height: number): Promise<NodeTypes.BlockView> {
    if (height === 0) return { ...genesisSummary(chain.genesis), transactions: [] };
    const row = await blocks.byHeight(height);
    if (!row)
      throw new NotFound(
        `Block ${height} is not on this node's chain (its head is ${chain.head.height}).`,
      );
    const rows = await txs.byBlocks(height, height);
    return {
      ...blockSummaryFromRow(env, row),
      transactions: rows.map((t) => ({
        tx_hash: t.hash,
        tx: JSON.parse(t.body) as NodeTypes.Transaction,
      })),
    };
  }

  return {
    async getLatestBlock() {
      return { status: 200, body: await blockView(chain.head.height) };
    },

    async getBlock({ path }) {
      return { status: 200, body: await blockView(Number(path.height)) };
    },

    async listBlocks({ query }) {
      const limit = Number(query.limit ?? 20);
      const before = decodeHeightCursor(query.cursor);
      const rows = await blocks.list(limit, before);
      const items = rows.map((r) => blockSummaryFromRow(env, r));
      let next: string | null = null;
      if (rows.length === limit) next = String(rows[rows.length - 1]!.height);
      else if (before === undefined || before > 0) items.push(genesisSummary(chain.genesis));
      return { status: 200, body: { items, page: { limit, next_cursor: next } } };
    },
  };
}
