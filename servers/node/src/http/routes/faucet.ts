import { ValidationFailed, declaredReply, idempotent } from "@aitbc/server-lib";
import { AmountError, fromMicro, toMicro } from "@aitbc/sdk";
import { runFaucet } from "../../domain/node/faucet.js";
import { requireAdmin } from "../admin-auth.js";
import type { NodeDeps } from "../deps.js";
import type { NodeHandlers } from "../routes.gen.js";

export function faucetRoutes(deps: NodeDeps): NodeHandlers<"requestFaucet"> {
  return {
    async requestFaucet({ body: input }, { req }) {
      requireAdmin(req, deps.adminApiKey);
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
          return {
            status: 200,
            body: {
              tx_hash: r.hash,
              address: input.address,
              amount: fromMicro(micro),
              amount_micro: micro.toString(),
              status: r.status,
              block_height: r.blockHeight,
            },
          };
        },
      );
      return declaredReply(result, [200]);
    },
  };
}
