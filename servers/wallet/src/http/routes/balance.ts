import type { Router } from "express";
import { fromMicro, type WalletTypes } from "@aitbc/sdk";
import type { WalletContext } from "../../domain/wallet-context.js";
import { getBalance } from "../../domain/wallet/get-balance.js";
import type { Authenticate } from "@aitbc/server-lib";

export function balanceRoutes(
  router: Router,
  deps: { ctx: WalletContext; authenticate: Authenticate },
): void {
  router.get("/api/v1/wallet/balance", async (req, res) => {
    const caller = await deps.authenticate(req);
    const query = req.query as WalletTypes.GetBalanceData["query"];
    const balance = await getBalance(deps.ctx, caller, query?.address);
    res.status(200).json({
      balance: fromMicro(balance.balanceMicro),
      currency: "AITBC",
      address: balance.address,
      balance_micro: balance.balanceMicro.toString(),
      locked: fromMicro(balance.lockedMicro),
      locked_micro: balance.lockedMicro.toString(),
      nonce: balance.nonce,
    } satisfies WalletTypes.GetBalanceResponses[200]);
  });
}
