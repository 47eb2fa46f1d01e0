import type { Router } from "express";
import { fromMicro, type WalletTypes } from "@aitbc/sdk";
import { idempotent, type Knex } from "@aitbc/server-lib";
import type { EscrowLocker } from "../../domain/escrow/escrow-locker.js";
import { microFromField } from "../amount-input.js";
import type { Authenticate } from "@aitbc/server-lib";

export function escrowRoutes(
  router: Router,
  deps: { locker: EscrowLocker; db: Knex; authenticate: Authenticate },
): void {
  router.post("/api/v1/wallet/escrow/lock", async (req, res) => {
    const caller = await deps.authenticate(req);
    const body = req.body as WalletTypes.LockEscrowData["body"];
    const amountMicro = microFromField(body.amount, "body.amount");
    const scope = `escrow-lock:${caller.kind === "account" ? caller.id : "admin-key"}`;
    const result = await idempotent(
      deps.db,
      { scope, key: req.get("Idempotency-Key"), body },
      async () => {
        const lock = await deps.locker.lock(caller, { jobId: body.job_id, amountMicro });
        const view: WalletTypes.LockEscrowResponses[201] = {
          job_id: lock.jobId,
          amount: fromMicro(lock.amountMicro),
          amount_micro: lock.amountMicro.toString(),
          from: lock.from,
          tx_hash: lock.txHash,
          block_height: lock.blockHeight,
        };
        return { status: lock.created ? 201 : 200, body: view };
      },
    );
    res.status(result.status).json(result.body);
  });
}
