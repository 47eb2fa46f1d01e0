import { NotFound } from "@aitbc/server-lib";
import { fromMicro } from "@aitbc/sdk";
import { settlementOf } from "../../domain/ledger/state.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

export function settlementRoutes(deps: NodeDeps): NodeHandlers<"getSettlement"> {
  const { chain } = deps.node;
  return {
    getSettlement({ path: { batch_id } }) {
      const s = settlementOf(chain.state, batch_id);
      if (!s) throw new NotFound(`No settlement batch ${batch_id} in a block of the chain.`);
      return {
        status: 200,
        body: {
          batch_id: s.batch_id,
          receipts_root: s.receipts_root,
          items: s.items,
          paid: fromMicro(s.paid),
          paid_micro: s.paid.toString(),
          tx_hash: s.tx_hash,
          block_height: s.height,
          finalized: s.height <= chain.finalized.height,
        },
      };
    },
  };
}
