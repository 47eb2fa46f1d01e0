import type { Router } from "express";
import type { WalletTypes } from "@aitbc/sdk";
import type { Knex } from "@aitbc/server-lib";
import type { ChainGateway } from "../../domain/chain/chain-gateway.js";

export function healthRoutes(
  router: Router,
  deps: { db: Knex; chain: ChainGateway; version: string },
): void {
  router.get("/api/v1/health", async (_req, res) => {
    const [database, chain] = await Promise.all([
      deps.db
        .raw("select 1")
        .then(() => "ok" as const)
        .catch(() => "down" as const),
      deps.chain
        .isReachable()
        .then((up) => (up ? ("ok" as const) : ("down" as const)))
        .catch(() => "down" as const),
    ]);
    const body = {
      status: database === "ok" && chain === "ok" ? "ok" : "degraded",
      service: "wallet",
      version: deps.version,
      checks: { database, chain },
    } satisfies WalletTypes.GetHealthResponses[200];
    res.status(200).json(body);
  });
}
