import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";

export function healthRoutes(deps: WalletDeps): WalletHandlers<"getHealth"> {
  return {
    async getHealth() {
      const [database, chain] = await Promise.all([
        deps.db
          .raw("select 1")
          .then(() => "ok" as const)
          .catch(() => "down" as const),
        deps.ctx.chain
          .isReachable()
          .then((up) => (up ? ("ok" as const) : ("down" as const)))
          .catch(() => "down" as const),
      ]);
      return {
        status: 200,
        body: {
          status: database === "ok" && chain === "ok" ? "ok" : "degraded",
          service: "wallet",
          version: deps.version,
          checks: { database, chain },
        },
      };
    },
  };
}
