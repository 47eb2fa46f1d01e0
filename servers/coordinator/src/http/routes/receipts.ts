import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import { listReceipts } from "../../domain/receipts/receipt-list.js";
import type { Authenticator } from "../auth.js";
import { qInt, qString } from "../query.js";

export function receiptRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();

  r.get("/v1/receipts", async (req, res) => {
    const caller = await auth.require(req);
    const jobId = qString(req, "job_id");
    const cursor = qString(req, "cursor");
    const body = await listReceipts(ctx.repos, caller, {
      limit: qInt(req, "limit", 20),
      ...(jobId ? { job_id: jobId } : {}),
      ...(cursor ? { cursor } : {}),
    });
    res.status(200).json(body satisfies CoordinatorTypes.ListReceiptsResponses[200]);
  });

  r.get("/v1/keys", async (_req, res) => {
    await ctx.keys.fresh();
    const body: CoordinatorTypes.KeyList = {
      keys: ctx.keys.published().map((k) => ({
        ...k,
        alg: "ed25519",
        use: "receipt_attestation",
      })),
    };
    res.status(200).json(body satisfies CoordinatorTypes.ListKeysResponses[200]);
  });

  r.post("/v1/admin/keys/rotate", async (req, res) => {
    const key = await ctx.keys.rotate(await auth.require(req));
    res.status(201).json({
      ...key,
      alg: "ed25519",
      use: "receipt_attestation",
    } satisfies CoordinatorTypes.RotateReceiptKeyResponses[201]);
  });
  return r;
}
