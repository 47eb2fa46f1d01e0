import type { Express } from "express";
import { NotFound } from "@aitbc/server-lib";
import type { NodeTypes } from "@aitbc/sdk";
import { BlockRepo } from "../../data/block-repo.js";
import { TxRepo } from "../../data/tx-repo.js";
import { decodeHeightCursor } from "../cursor.js";
import type { AppDeps } from "../deps.js";
import { blockSummaryFromRow, genesisSummary } from "../views/block-view.js";

export function blockRoutes(app: Express, deps: AppDeps): void {
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

  app.get("/api/v1/block/latest", async (_req, res) => {
    const body: NodeTypes.GetLatestBlockResponses[200] = await blockView(chain.head.height);
    res.json(body);
  });

  app.get("/api/v1/block/:height", async (req, res) => {
    const { height } = req.params as unknown as NodeTypes.GetBlockData["path"];
    const body: NodeTypes.GetBlockResponses[200] = await blockView(Number(height));
    res.json(body);
  });

  app.get("/api/v1/blocks", async (req, res) => {
    const q = req.query as unknown as NonNullable<NodeTypes.ListBlocksData["query"]>;
    const limit = Number(q.limit ?? 20);
    const before = decodeHeightCursor(q.cursor);
    const rows = await blocks.list(limit, before);
    const items = rows.map((r) => blockSummaryFromRow(env, r));
    let next: string | null = null;
    if (rows.length === limit) next = String(rows[rows.length - 1]!.height);
    else if (before === undefined || before > 0) items.push(genesisSummary(chain.genesis));
    const body: NodeTypes.ListBlocksResponses[200] = { items, page: { limit, next_cursor: next } };
    res.json(body);
  });
}
