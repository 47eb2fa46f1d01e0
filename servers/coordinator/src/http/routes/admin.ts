import type { CoordinatorContext } from "../../context.js";
import { adminStats, listAdminMiners } from "../../domain/admin/admin-views.js";
import type { Authenticator } from "../auth.js";
import { qInt, qString } from "../query.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function adminRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<
  "listAdminMiners" | "listAdminJobs" | "getAdminStats" | "requeueSettlementBatch"
> {
  const deps = { ...ctx.repos, db: ctx.db, presence: ctx.presence };
  return {
    async listAdminMiners({ query }, { req }) {
      const caller = await auth.require(req);
      const providerId = qString(query.provider_id);
      const cursor = qString(query.cursor);
      const body = await listAdminMiners(deps, caller, {
        limit: qInt(query.limit, 20),
        ...(query.status ? { status: query.status } : {}),
        ...(providerId ? { provider_id: providerId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return { status: 200, body };
    },

    async listAdminJobs({ query }, { req }) {
      const caller = await auth.require(req);
      const limit = qInt(query.limit, 20);
      const providerId = qString(query.provider_id);
      const customerId = qString(query.customer_id);
      const cursor = qString(query.cursor);
      const page = await ctx.jobs.list(
        caller,
        {
          limit,
          ...(query.status ? { status: query.status } : {}),
          ...(providerId ? { providerId } : {}),
          ...(customerId ? { customerId } : {}),
          ...(cursor ? { cursor } : {}),
        },
        true,
      );
      return {
        status: 200,
        body: { jobs: page.jobs, page: { limit, next_cursor: page.next_cursor } },
      };
    },

    async getAdminStats(_input, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await adminStats(deps, caller) };
    },

    async requeueSettlementBatch({ path }, { req }) {
      const caller = await auth.require(req);
      const done = await ctx.batchRequeue.requeue(caller, path.batch_id);
      return {
        status: 200,
        body: {
          batch_id: done.batchId,
          status: "refused",
          requeued: done.jobIds.length,
          job_ids: done.jobIds,
          last_error: done.lastError,
        },
      };
    },
  };
}
