import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import type { PublicJobStatus } from "../../domain/jobs/job-types.js";
import type { Authenticator } from "../auth.js";
import { header, param, qInt, qString } from "../query.js";

export function jobRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();

  r.post("/v1/jobs/create", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.CreateJobData["body"];
    const out = await ctx.jobs.create(caller, body, header(req, "Idempotency-Key"));
    res.status(out.status).json(out.body satisfies CoordinatorTypes.CreateJobResponses[201]);
  });

  r.get("/v1/jobs", async (req, res) => {
    const caller = await auth.require(req);
    const limit = qInt(req, "limit", 20);
    const status = qString(req, "status") as PublicJobStatus | undefined;
    const cursor = qString(req, "cursor");
    const page = await ctx.jobs.list(caller, {
      limit,
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const body: CoordinatorTypes.JobList = {
      jobs: page.jobs,
      page: { limit, next_cursor: page.next_cursor },
    };
    res.status(200).json(body satisfies CoordinatorTypes.ListJobsResponses[200]);
  });

  r.get("/v1/jobs/:job_id/status", async (req, res) => {
    const caller = await auth.require(req);
    const body = await ctx.jobs.status(caller, param(req, "job_id"));
    res.status(200).json(body satisfies CoordinatorTypes.GetJobStatusResponses[200]);
  });

  r.get("/v1/jobs/:job_id/results", async (req, res) => {
    const caller = await auth.require(req);
    const body = await ctx.jobs.results(caller, param(req, "job_id"));
    res.status(200).json(body satisfies CoordinatorTypes.GetJobResultsResponses[200]);
  });

  r.post("/v1/jobs/:job_id/cancel", async (req, res) => {
    const caller = await auth.require(req);
    const body = await ctx.jobs.cancel(caller, param(req, "job_id"));
    res.status(200).json(body satisfies CoordinatorTypes.CancelJobResponses[200]);
  });
  return r;
}
