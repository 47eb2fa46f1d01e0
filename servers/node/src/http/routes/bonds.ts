import { fromMicro, type NodeTypes } from "@aitbc/sdk";
import { bondKey, POOL_KEY } from "../../domain/ledger/record-key.js";
import type { BondState, PoolState, StateRecord } from "../../domain/ledger/records.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

type BondView = NodeTypes.GetBondResponses[200];
type PoolView = NodeTypes.GetVerificationPoolResponses[200];

function bondAt(height: number, r: StateRecord | undefined): BondView["finalized"] {
  const b = r as BondState | undefined;
  const amount = b?.amount ?? 0n;
  return {
    height,
    amount: fromMicro(amount),
    amount_micro: amount.toString(),
    status: b?.status ?? "none",
    unlock_height: b?.unlock_height ?? null,
  };
}

function poolAt(height: number, r: StateRecord | undefined): PoolView["finalized"] {
  const amount = (r as PoolState | undefined)?.amount ?? 0n;
  return { height, amount: fromMicro(amount), amount_micro: amount.toString() };
}

export function bondRoutes(deps: NodeDeps): NodeHandlers<"getBond" | "getVerificationPool"> {
  const { chain } = deps.node;
  return {
    async getBond({ path: { address } }) {
      const at = await chain.recordAtHeadAndFinalized(bondKey(address));
      return {
        status: 200,
        body: {
          address,
          ...bondAt(at.head.height, at.head.value),
          finalized: bondAt(at.finalized.height, at.finalized.value),
        },
      };
    },
    async getVerificationPool() {
      const at = await chain.recordAtHeadAndFinalized(POOL_KEY);
      return {
        status: 200,
        body: {
          ...poolAt(at.head.height, at.head.value),
          finalized: poolAt(at.finalized.height, at.finalized.value),
        },
      };
    },
  };
}
