import type { Router } from "express";
import { fromMicro, type WalletTypes } from "@aitbc/sdk";
import { requestHash } from "@aitbc/server-lib";
import type { Transfers } from "../../domain/wallet/transfer.js";
import { microFromField } from "../amount-input.js";
import type { Authenticate } from "@aitbc/server-lib";

export function transferRoutes(
  router: Router,
  deps: { transfers: Transfers; authenticate: Authenticate },
): void {
  router.post("/api/v1/wallet/transfer", async (req, res) => {
    const caller = await deps.authenticate(req);
    const body = req.body as WalletTypes.CreateTransferData["body"];
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
    res.status(201).json(view);
  });
}
