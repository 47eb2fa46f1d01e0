import type { CoordinatorContext } from "../../context.js";
import { listReceipts } from "../../domain/receipts/receipt-list.js";
import type { Authenticator } from "../auth.js";
import { qInt, qString } from "../query.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function receiptRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<"listReceipts" | "listKeys" | "rotateReceiptKey"> {
  return {
    async listReceipts({ query }, { req }) {
      const caller = await auth.require(req);
      const jobId = qString(query.job_id);
      const cursor = qString(query.cursor);
      const body = await listReceipts(ctx.repos, caller, {
        limit: qInt(query.limit, 20),
        ...(jobId ? { job_id: jobId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return { status: 200, body };
    },

    async listKeys() {
      await ctx.keys.fresh();
      return {
        status: 200,
        body: {
          keys: ctx.keys.published().map((k) => ({
            ...k,
            alg: "ed25519",
            use: "receipt_attestation",
          })),
        },
      };
    },

    async rotateReceiptKey(_input, { req }) {
      const key = await ctx.keys.rotate(await auth.require(req));
      return { status: 201, body: { ...key, alg: "ed25519", use: "receipt_attestation" } };
    },
  };
}
