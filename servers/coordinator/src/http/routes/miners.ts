// The miner protocol. Thin: every rule lives in domain/miners.
import { Router } from "express";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import { param } from "../query.js";

export function minerRoutes(ctx: CoordinatorContext, auth: Authenticator): Router {
  const r = Router();

  r.post("/v1/miners/register", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.RegisterMinerData["body"];
    const out = await ctx.miners.register(caller, body);
    res.status(200).json(out satisfies CoordinatorTypes.RegisterMinerResponses[200]);
  });

  r.post("/v1/miners/:miner_id/heartbeat", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.HeartbeatMinerData["body"];
    const out = await ctx.miners.heartbeat(caller, param(req, "miner_id"), body);
    res.status(200).json(out satisfies CoordinatorTypes.HeartbeatMinerResponses[200]);
  });

  r.post("/v1/miners/:miner_id/claim", async (req, res) => {
    const caller = await auth.require(req);
    const body = (req.body ?? {}) as NonNullable<CoordinatorTypes.ClaimJobData["body"]>;
    // A long-poll: stop waiting when the miner hangs up. A response that went out closes too;
    // nothing waits by then, and aborting would only build an AbortError.
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    const claim = await ctx.claims.claim(
      caller,
      param(req, "miner_id"),
      body.wait_s ?? 25,
      gone.signal,
    );
    if (!claim) {
      res.status(204).end();
      return;
    }
    // The miner hung up while its job was being claimed: nobody would ever hear of this lease,
    // so the job goes back to the queue now rather than when the lease expires.
    if (gone.signal.aborted || req.socket.destroyed) {
      await ctx.releases.undelivered(caller, claim);
      return;
    }
    res.status(200).json(claim satisfies CoordinatorTypes.ClaimJobResponses[200]);
  });

  r.post("/v1/jobs/:job_id/progress", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.ReportJobProgressData["body"];
    const out = await ctx.reports.progress(caller, param(req, "job_id"), body);
    res.status(200).json(out satisfies CoordinatorTypes.ReportJobProgressResponses[200]);
  });

  r.post("/v1/jobs/:job_id/complete", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.CompleteJobData["body"];
    const out = await ctx.reports.complete(caller, param(req, "job_id"), body);
    res.status(200).json(out satisfies CoordinatorTypes.CompleteJobResponses[200]);
  });

  r.post("/v1/jobs/:job_id/fail", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.FailJobData["body"];
    const out = await ctx.reports.fail(caller, param(req, "job_id"), body);
    res.status(200).json(out satisfies CoordinatorTypes.FailJobResponses[200]);
  });

  r.post("/v1/jobs/:job_id/release", async (req, res) => {
    const caller = await auth.require(req);
    const body = req.body as CoordinatorTypes.ReleaseJobData["body"];
    const out = await ctx.releases.release(caller, param(req, "job_id"), body);
    res.status(200).json(out satisfies CoordinatorTypes.ReleaseJobResponses[200]);
  });
  return r;
}
