import type { Router } from "express";
import { fromMicro, type WalletTypes } from "@aitbc/sdk";
import type { WalletContext } from "../../domain/wallet-context.js";
import { listHistory } from "../../domain/wallet/history.js";
import type { Authenticate } from "@aitbc/server-lib";

const DEFAULT_LIMIT = 20;

export function transactionRoutes(
  router: Router,
  deps: { ctx: WalletContext; authenticate: Authenticate },
): void {
  router.get("/api/v1/wallet/transactions", async (req, res) => {
    const caller = await deps.authenticate(req);
    const query = (req.query ?? {}) as NonNullable<WalletTypes.ListTransactionsData["query"]>;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = await listHistory(deps.ctx, caller, {
      limit,
      ...(query.address ? { address: query.address } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    res.status(200).json({
      address: page.address,
      items: page.items.map((item) => ({
        tx_hash: item.txHash,
        type: item.type,
        direction: item.direction,
        from: item.from,
        ...(item.to ? { to: item.to } : {}),
        amount: fromMicro(item.amountMicro),
        amount_micro: item.amountMicro.toString(),
        ...(item.jobId ? { job_id: item.jobId } : {}),
        nonce: item.nonce,
        block_height: item.blockHeight,
        ...(item.timestamp ? { timestamp: item.timestamp } : {}),
      })),
      page: { limit, next_cursor: page.nextCursor },
    } satisfies WalletTypes.ListTransactionsResponses[200]);
  });
}
