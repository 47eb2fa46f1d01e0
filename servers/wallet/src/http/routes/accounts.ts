import { requireAdmin } from "@aitbc/server-lib";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";

export function accountRoutes(deps: WalletDeps): WalletHandlers<"createAccount"> {
  return {
    // Naturally idempotent by account_id, so the Idempotency-Key needs no table of its own.
    async createAccount({ body }, { req }) {
      requireAdmin(await deps.authenticate(req));
      const { account, created } = await deps.ctx.keystore.createOrGet(body.account_id);
      return {
        status: created ? 201 : 200,
        body: {
          account_id: account.accountId,
          address: account.address,
          public_key: account.publicKey,
          created_at: account.createdAt,
        },
      };
    },
  };
}
