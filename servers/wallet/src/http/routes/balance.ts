import { fromMicro } from "@aitbc/sdk";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { getBalance } from "../../domain/wallet/get-balance.js";

export function balanceRoutes(deps: WalletDeps): WalletHandlers<"getBalance"> {
  return {
    async getBalance({ query }, { req }) {
      const caller = await deps.authenticate(req);
      const balance = await getBalance(deps.ctx, caller, query.address);
      return {
        status: 200,
        body: {
          balance: fromMicro(balance.balanceMicro),
          currency: "AITBC",
          address: balance.address,
          balance_micro: balance.balanceMicro.toString(),
          locked: fromMicro(balance.lockedMicro),
          locked_micro: balance.lockedMicro.toString(),
          nonce: balance.nonce,
        },
      };
    },
  };
}
