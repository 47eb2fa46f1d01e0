// The miner protocol. Thin: every rule lives in domain/miners.
import { REPLY_HANDLED } from "@aitbc/server-lib";
import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function minerRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<
  | "registerMiner"
  | "heartbeatMiner"
  | "claimJob"
  | "reportJobProgress"
  | "completeJob"
  | "failJob"
  | "releaseJob"
> {
  return {
    async registerMiner({ body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.miners.register(caller, body) };
    },

    async heartbeatMiner({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.miners.heartbeat(caller, path.miner_id, body) };
    },

    async claimJob({ path, body }, { req, res }) {
      const caller = await auth.require(req);
      // A long-poll: stop waiting when the miner hangs up. A response that went out closes too;
      // nothing waits by then, and aborting would only build an AbortError.
      const gone = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) gone.abort();
      });
      const claim = await ctx.claims.claim(caller, path.miner_id, body?.wait_s ?? 25, gone.signal);
      if (!claim) return { status: 204 };
      // The miner hung up while its job was being claimed: nobody would ever hear of this lease,
      // so the job goes back to the queue now rather than when the lease expires.
      if (gone.signal.aborted || req.socket.destroyed) {
        await ctx.releases.undelivered(caller, claim);
        return REPLY_HANDLED;
      }
      return { status: 200, body: claim };
    },

    async reportJobProgress({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.reports.progress(caller, path.job_id, body) };
    },

    async completeJob({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.reports.complete(caller, path.job_id, body) };
    },

    async failJob({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.reports.fail(caller, path.job_id, body) };
    },

    async releaseJob({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.releases.release(caller, path.job_id, body) };
    },
  };
}
