import { EquivocationRepo } from "../../data/equivocation-repo.js";
import { decodeHeightCursor } from "../cursor.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

export function evidenceRoutes(deps: NodeDeps): NodeHandlers<"listEquivocations"> {
  const equivocations = new EquivocationRepo(deps.db);
  return {
    async listEquivocations({ query }) {
      const limit = Number(query.limit ?? 20);
      // Keyset on the row id, which has the same shape as a height cursor.
      const before = decodeHeightCursor(query.cursor);
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
      return { status: 200, body: { items, page: { limit, next_cursor: next } } };
    },
  };
}
