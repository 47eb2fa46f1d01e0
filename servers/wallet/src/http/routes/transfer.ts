import type { Router } from "express";
import { fromMicro, type WalletTypes } from "@aitbc/sdk";
import { idempotent, type Knex } from "@aitbc/server-lib";
import type { WalletContext } from "../../domain/wallet-context.js";
import { transfer } from "../../domain/wallet/transfer.js";
import { microFromField } from "../amount-input.js";
import type { Authenticate } from "@aitbc/server-lib";

export function transferRoutes(
  router: Router,
  deps: { ctx: WalletContext; db: Knex; authenticate: Authenticate },
): void {
  router.post("/api/v1/wallet/transfer", async (req, res) => {
    const caller = await deps.authenticate(req);
    const body = req.body as WalletTypes.CreateTransferData["body"];
    const amountMicro = microFromField(body.amount, "body.amount");
    const scope = `transfer:${caller.kind === "account" ? caller.id : "admin-key"}`;
    const result = await idempotent(
      deps.db,
      { scope, key: req.get("Idempotency-Key"), body },
      async () => {
        const done = await transfer(deps.ctx, caller, { to: body.to, amountMicro });
        const view: WalletTypes.CreateTransferResponses[201] = {
          tx_hash: done.txHash,
          from: done.from,
          to: done.to,
          amount: fromMicro(done.amountMicro),
          amount_micro: done.amountMicro.toString(),
          nonce: done.nonce,
          status: done.status,
          block_height: done.blockHeight,
        };
        return { status: 201, body: view };
      },
    );
    res.status(result.status).json(result.body);
  });
}
