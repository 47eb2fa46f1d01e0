import type { CoordinatorContext } from "../../context.js";
import { VERSION } from "../../version.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function healthRoutes(ctx: CoordinatorContext): CoordinatorHandlers<"getHealth"> {
  return {
    async getHealth() {
      let database: "ok" | "down" = "ok";
      try {
        await ctx.db.raw("select 1");
      } catch {
        database = "down";
      }
      const settlement = ctx.settlement.kind === "unconfigured" ? "degraded" : "ok";
      return {
        status: 200,
        body: {
          status: database === "ok" && settlement === "ok" ? "ok" : "degraded",
          service: "coordinator",
          version: VERSION,
          checks: { database, settlement },
        },
      };
    },
  };
}
