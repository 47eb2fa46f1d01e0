import type { Router } from "express";
import type { ExchangeTypes } from "@aitbc/sdk";
import type { Knex } from "@aitbc/server-lib";
import type { BitcoinNetwork } from "../../domain/bitcoin/bitcoin-network.js";
import type { ChainClient } from "../../domain/settlement/chain-client.js";

export function healthRoutes(
  router: Router,
  deps: { db: Knex; chain: ChainClient; bitcoin: BitcoinNetwork; version: string },
): void {
  router.get("/api/v1/health", async (_req, res) => {
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
    res.status(200).json({
      status: ok ? "ok" : "degraded",
      service: "exchange",
      version: deps.version,
      checks: { database, chain, bitcoin },
    } satisfies ExchangeTypes.GetHealthResponses[200]);
  });
}
