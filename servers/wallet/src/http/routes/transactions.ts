import { fromMicro } from "@aitbc/sdk";
import type { WalletDeps } from "../deps.js";
import type { WalletHandlers } from "../routes.gen.js";
import { listHistory } from "../../domain/wallet/history.js";

const DEFAULT_LIMIT = 20;

export function transactionRoutes(deps: WalletDeps): WalletHandlers<"listTransactions"> {
  return {
    async listTransactions({ query }, { req }) {
      const caller = await deps.authenticate(req);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const page = await listHistory(deps.ctx, caller, {
        limit,
        ...(query.address ? { address: query.address } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return {
        status: 200,
        body: {
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
        },
      };
    },
  };
}
