import type { ExchangeDeps } from "../deps.js";
import type { ExchangeHandlers } from "../routes.gen.js";

export function healthRoutes(deps: ExchangeDeps): ExchangeHandlers<"getHealth"> {
  return {
    async getHealth() {
      const up = (p: Promise<unknown>) =>
        p.then(
          (v) => (v === false ? ("down" as const) : ("ok" as const)),
          () => "down" as const,
        );
      const [database, chain, bitcoin] = await Promise.all([
        up(deps.db.raw("select 1")),
        up(deps.chain.isReachable()),
        up(deps.bitcoin.tipHeight()),
      ]);
      const ok = database === "ok" && chain === "ok" && bitcoin === "ok";
      return {
        status: 200,
        body: {
          status: ok ? "ok" : "degraded",
          service: "exchange",
          version: deps.version,
          checks: { database, chain, bitcoin },
        },
      };
    },
  };
}
