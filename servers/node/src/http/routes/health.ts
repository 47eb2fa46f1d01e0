import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

export function healthRoutes(deps: NodeDeps): NodeHandlers<"getHealth"> {
  return {
    async getHealth() {
      let database: "ok" | "down" = "ok";
      try {
        await deps.db.raw("select 1");
      } catch {
        database = "down";
      }
      const behind = deps.network.bestPeerHeight() - deps.node.chain.head.height;
      const sync = deps.network.syncer.syncing || behind > 5 ? "degraded" : "ok";
      return {
        status: 200,
        body: {
          status: database === "ok" && sync === "ok" ? "ok" : "degraded",
          service: "node",
          version: deps.version,
          checks: { database, sync },
        },
      };
    },
  };
}
