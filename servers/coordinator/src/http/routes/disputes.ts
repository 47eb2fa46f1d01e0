import type { CoordinatorContext } from "../../context.js";
import type { Authenticator } from "../auth.js";
import type { CoordinatorHandlers } from "../routes.gen.js";

export function disputeRoutes(
  ctx: CoordinatorContext,
  auth: Authenticator,
): CoordinatorHandlers<"createJobDispute" | "getJobDispute"> {
  return {
    async createJobDispute({ path, body }, { req }) {
      const caller = await auth.require(req);
      return { status: 201, body: await ctx.disputes.open(caller, path.job_id, body.reason) };
    },

    async getJobDispute({ path }, { req }) {
      const caller = await auth.require(req);
      return { status: 200, body: await ctx.disputes.get(caller, path.job_id) };
    },
  };
}
