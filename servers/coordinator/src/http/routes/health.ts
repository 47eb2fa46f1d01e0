import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import { VERSION } from "../../version.js";

export function healthRoutes(ctx: CoordinatorContext): Router {
  const r = Router();
  r.get("/v1/health", async (_req, res) => {
    let database: "ok" | "down" = "ok";
    try {
      await ctx.db.raw("select 1");
    } catch {
      database = "down";
    }
    const settlement = ctx.settlement.kind === "unconfigured" ? "degraded" : "ok";
    const body: CoordinatorTypes.Health = {
      status: database === "ok" && settlement === "ok" ? "ok" : "degraded",
      service: "coordinator",
      version: VERSION,
      checks: { database, settlement },
    };
    res.status(200).json(body satisfies CoordinatorTypes.GetHealthResponses[200]);
  });
  return r;
}
