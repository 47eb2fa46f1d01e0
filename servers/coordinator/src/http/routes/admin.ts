import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import type { PublicJobStatus } from "../../domain/jobs/job-types.js";
import { adminStats, listAdminMiners } from "../../domain/admin/admin-views.js";
import type { Authenticator } from "../auth.js";
import { qInt, qString } from "../query.js";

export function adminRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();
  const deps = { ...ctx.repos, db: ctx.db, presence: ctx.presence };

  r.get("/v1/admin/miners", async (req, res) => {
    const caller = await auth.require(req);
    const status = qString(req, "status") as "online" | "offline" | undefined;
    const providerId = qString(req, "provider_id");
    const cursor = qString(req, "cursor");
    const body = await listAdminMiners(deps, caller, {
      limit: qInt(req, "limit", 20),
      ...(status ? { status } : {}),
      ...(providerId ? { provider_id: providerId } : {}),
      ...(cursor ? { cursor } : {}),
    });
    res.status(200).json(body satisfies CoordinatorTypes.ListAdminMinersResponses[200]);
  });

  r.get("/v1/admin/jobs", async (req, res) => {
    const caller = await auth.require(req);
    const limit = qInt(req, "limit", 20);
    const status = qString(req, "status") as PublicJobStatus | undefined;
    const providerId = qString(req, "provider_id");
    const customerId = qString(req, "customer_id");
    const cursor = qString(req, "cursor");
    const page = await ctx.jobs.list(
      caller,
      {
        limit,
        ...(status ? { status } : {}),
        ...(providerId ? { providerId } : {}),
        ...(customerId ? { customerId } : {}),
        ...(cursor ? { cursor } : {}),
      },
      true,
    );
    const body: CoordinatorTypes.JobList = {
      jobs: page.jobs,
      page: { limit, next_cursor: page.next_cursor },
    };
    res.status(200).json(body satisfies CoordinatorTypes.ListAdminJobsResponses[200]);
  });

  r.get("/v1/admin/stats", async (req, res) => {
    const caller = await auth.require(req);
    const body = await adminStats(deps, caller);
    res.status(200).json(body satisfies CoordinatorTypes.GetAdminStatsResponses[200]);
  });
  return r;
}
