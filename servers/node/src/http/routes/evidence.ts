import type { Express } from "express";
import type { NodeTypes } from "@aitbc/sdk";
import { EquivocationRepo } from "../../data/equivocation-repo.js";
import { decodeHeightCursor } from "../cursor.js";
import type { AppDeps } from "../deps.js";

export function evidenceRoutes(app: Express, deps: AppDeps): void {
  const equivocations = new EquivocationRepo(deps.db);

  app.get("/api/v1/evidence/equivocations", async (req, res) => {
    const q = req.query as unknown as NonNullable<NodeTypes.ListEquivocationsData["query"]>;
    const limit = Number(q.limit ?? 20);
    // Keyset on the row id, which has the same shape as a height cursor.
    const before = decodeHeightCursor(q.cursor);
    const rows = await equivocations.list(limit, before);
    const items = rows.map((r) => ({
      id: r.id,
      proposer: r.proposer,
      height: r.height,
      detected_at: r.detectedAt,
      first: r.first,
      second: r.second,
    }));
    const next = rows.length === limit ? String(rows[rows.length - 1]!.id) : null;
    const body: NodeTypes.ListEquivocationsResponses[200] = {
      items,
      page: { limit, next_cursor: next },
    };
    res.json(body);
  });
}
