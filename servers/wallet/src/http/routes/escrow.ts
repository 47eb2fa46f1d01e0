import { fromMicro } from "@aitbc/sdk";
import { declaredReply, idempotent } from "@aitbc/server-lib";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { microFromField } from "../amount-input.js";

export function escrowRoutes(deps: WalletDeps): WalletHandlers<"lockEscrow"> {
  return {
    async lockEscrow({ body }, { req }) {
      const caller = await deps.authenticate(req);
      const amountMicro = microFromField(body.amount, "body.amount");
      const scope = `escrow-lock:${caller.kind === "account" ? caller.id : "admin-key"}`;
      const result = await idempotent(
        deps.db,
        { scope, key: req.get("Idempotency-Key"), body },
        async () => {
          const lock = await deps.locker.lock(caller, { jobId: body.job_id, amountMicro });
          return {
            status: lock.created ? 201 : 200,
            body: {
              job_id: lock.jobId,
              amount: fromMicro(lock.amountMicro),
              amount_micro: lock.amountMicro.toString(),
              from: lock.from,
              tx_hash: lock.txHash,
              block_height: lock.blockHeight,
            },
          };
        },
      );
      return declaredReply(result, [200, 201]);
    },
  };
}
