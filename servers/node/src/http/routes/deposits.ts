import { fromMicro, type NodeTypes } from "@aitbc/sdk";
import { depositKey } from "../../domain/ledger/record-key.js";
import type { DepositState, StateRecord } from "../../domain/ledger/records.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

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

export function depositRoutes(deps: NodeDeps): NodeHandlers<"getDeposit"> {
  const { chain } = deps.node;
  return {
    async getDeposit({ path: { address } }) {
      const at = await chain.recordAtHeadAndFinalized(depositKey(address));
      return {
        status: 200,
        body: {
          address,
          ...depositAt(at.head.height, at.head.value),
          finalized: depositAt(at.finalized.height, at.finalized.value),
        },
      };
    },
  };
}
