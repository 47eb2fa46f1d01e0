import type { Express } from "express";
import type { NodeTypes } from "@aitbc/sdk";
import type { AppDeps } from "../deps.js";

export function healthRoutes(app: Express, deps: AppDeps): void {
  app.get("/api/v1/health", async (_req, res) => {
    let database: "ok" | "down" = "ok";
    try {
      await deps.db.raw("select 1");
    } catch {
      database = "down";
    }
    const behind = deps.network.bestPeerHeight() - deps.node.chain.head.height;
    const sync = deps.network.syncer.syncing || behind > 5 ? "degraded" : "ok";
    const body: NodeTypes.GetHealthResponses[200] = {
      status: database === "ok" && sync === "ok" ? "ok" : "degraded",
      service: "node",
      version: deps.version,
      checks: { database, sync },
    };
    res.json(body);
  });
}
