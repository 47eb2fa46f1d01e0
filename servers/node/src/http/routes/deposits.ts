import type { Express } from "express";
import { fromMicro, type NodeTypes } from "@aitbc/sdk";
import { depositKey } from "../../domain/ledger/record-key.js";
import type { DepositState, StateRecord } from "../../domain/ledger/records.js";
import type { AppDeps } from "../deps.js";

type DepositView = NodeTypes.GetDepositResponses[200];

function depositAt(height: number, r: StateRecord | undefined): DepositView["finalized"] {
  const d = r as DepositState | undefined;
  const amount = d?.amount ?? 0n;
  return {
    height,
    amount: fromMicro(amount),
    amount_micro: amount.toString(),
    status: d?.status ?? "none",
    unlock_height: d?.unlock_height ?? null,
  };
}

export function depositRoutes(app: Express, deps: AppDeps): void {
  const { chain } = deps.node;

  app.get("/api/v1/deposits/:address", async (req, res) => {
    const { address } = req.params as NodeTypes.GetDepositData["path"];
    const at = await chain.recordAtHeadAndFinalized(depositKey(address));
    const body: DepositView = {
      address,
      ...depositAt(at.head.height, at.head.value),
      finalized: depositAt(at.finalized.height, at.finalized.value),
    };
    res.json(body);
  });
}
