import { declaredReply } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import { receiptSettlementView } from "../../domain/receipts/receipt-settlement.js";
import type { Authenticator } from "../auth.js";
import { qInt, qString } from "../query.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function jobRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<"createJob" | "listJobs" | "getJobStatus" | "getJobResults" | "cancelJob"> {
  return {
    async createJob({ body }, { req }) {
      const caller = await auth.require(req);
      const out = await ctx.jobs.create(caller, body, req.get("Idempotency-Key"));
      return declaredReply(out, [201]);
    },

    async listJobs({ query }, { req }) {
      const caller = await auth.require(req);
      const limit = qInt(query.limit, 20);
      const cursor = qString(query.cursor);
      const page = await ctx.jobs.list(caller, {
        limit,
        ...(query.status ? { status: query.status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return {
        status: 200,
        body: { jobs: page.jobs, page: { limit, next_cursor: page.next_cursor } },
      };
    },

    async getJobStatus({ path }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.jobs.status(caller, path.job_id) };
    },

    async getJobResults({ path }, { req }) {
      const caller = await auth.require(req);
      const results = await ctx.jobs.results(caller, path.job_id);
      const settlement = await receiptSettlementView(ctx.repos.batches, path.job_id);
      return { status: 200, body: { ...results, settlement } };
    },

    async cancelJob({ path }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.jobs.cancel(caller, path.job_id) };
    },
  };
}
