import type { Express } from "express";
import { ValidationFailed, idempotent } from "@aitbc/server-lib";
import { AmountError, fromMicro, toMicro, type NodeTypes } from "@aitbc/sdk";
import { runFaucet } from "../../domain/node/faucet.js";
import { requireAdmin } from "../admin-auth.js";
import type { AppDeps } from "../deps.js";

export function faucetRoutes(app: Express, deps: AppDeps): void {
  app.post("/api/v1/faucet", async (req, res) => {
    requireAdmin(req, deps.adminApiKey);
    const input = req.body as NodeTypes.RequestFaucetData["body"];
    let micro: bigint;
    try {
      micro = toMicro(input.amount);
    } catch (err) {
      if (err instanceof AmountError) throw ValidationFailed.field("body.amount", err.message);
      throw err;
    }
    const result = await idempotent(
      deps.db,
      { scope: "faucet", key: req.header("Idempotency-Key"), body: input },
      async () => {
        const r = await runFaucet(deps.node, input.address, micro, deps.faucetWaitMs);
        const body: NodeTypes.RequestFaucetResponses[200] = {
          tx_hash: r.hash,
          address: input.address,
          amount: fromMicro(micro),
          amount_micro: micro.toString(),
          status: r.status,
          block_height: r.blockHeight,
        };
        return { status: 200, body };
      },
    );
    res.status(result.status).json(result.body);
  });
}
