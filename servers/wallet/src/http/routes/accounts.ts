import type { Router } from "express";
import type { WalletTypes } from "@aitbc/sdk";
import type { Keystore } from "../../domain/keys/keystore.js";
import { requireAdmin, type Authenticate } from "@aitbc/server-lib";

export function accountRoutes(
  router: Router,
  deps: { keystore: Keystore; authenticate: Authenticate },
): void {
  // Naturally idempotent by account_id, so the Idempotency-Key needs no table of its own.
  router.post("/api/v1/wallet/accounts", async (req, res) => {
    requireAdmin(await deps.authenticate(req));
    const body = req.body as WalletTypes.CreateAccountData["body"];
    const { account, created } = await deps.keystore.createOrGet(body.account_id);
    const view: WalletTypes.CreateAccountResponses[201] = {
      account_id: account.accountId,
      address: account.address,
      public_key: account.publicKey,
      created_at: account.createdAt,
    };
    res.status(created ? 201 : 200).json(view);
  });
}
