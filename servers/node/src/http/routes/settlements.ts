import type { Express } from "express";
import { NotFound } from "@aitbc/server-lib";
import { fromMicro, type NodeTypes } from "@aitbc/sdk";
import { settlementOf } from "../../domain/ledger/state.js";
import type { AppDeps } from "../deps.js";

export function settlementRoutes(app: Express, deps: AppDeps): void {
  const { chain } = deps.node;

  app.get("/api/v1/settlements/:batch_id", (req, res) => {
    const { batch_id } = req.params as NodeTypes.GetSettlementData["path"];
    const s = settlementOf(chain.state, batch_id);
    if (!s) throw new NotFound(`No settlement batch ${batch_id} in a block of the chain.`);
    const body: NodeTypes.GetSettlementResponses[200] = {
      batch_id: s.batch_id,
      receipts_root: s.receipts_root,
      items: s.items,
      paid: fromMicro(s.paid),
      paid_micro: s.paid.toString(),
      tx_hash: s.tx_hash,
      block_height: s.height,
      finalized: s.height <= chain.finalized.height,
    };
    res.json(body);
  });
}
