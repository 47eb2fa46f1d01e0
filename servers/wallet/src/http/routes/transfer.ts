import { fromMicro } from "@aitbc/sdk";
import { requestHash } from "@aitbc/server-lib";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { microFromField } from "../amount-input.js";

export function transferRoutes(deps: WalletDeps): WalletHandlers<"createTransfer"> {
  return {
    async createTransfer({ body }, { req }) {
      const caller = await deps.authenticate(req);
      const amountMicro = microFromField(body.amount, "body.amount");
      const key = req.get("Idempotency-Key");
      const done = await deps.transfers.transfer(
        caller,
        { to: body.to, amountMicro },
        key
          ? {
              scope: `transfer:${caller.kind === "account" ? caller.id : "admin-key"}`,
              key,
              requestHash: requestHash(body),
            }
          : undefined,
      );
      return {
        status: 201,
        body: {
          tx_hash: done.txHash,
          from: done.from,
          to: done.to,
          amount: fromMicro(done.amountMicro),
          amount_micro: done.amountMicro.toString(),
          nonce: done.nonce,
          status: done.status,
          block_height: done.blockHeight,
        },
      };
    },
  };
}
