// Multi-tenant isolation (DESIGN.md): a customer of another tenant asking for this job by id gets
// 404, so the job's existence does not leak; without a key the answer is 401.
import type { ScenarioCase } from "../scenario-case.js";

export const tenantIsolation: ScenarioCase = {
  id: "3.4b",
  title: "A customer of another tenant cannot see the job; no key gets 401",
  needsRealState: true,
  thenChecks:
    "the other tenant gets 404 not_found for the job's status and results, and no key gets 401",
  async given(ctx) {
    ctx.need("jobId");
    ctx.keyOf("outsider");
  },
  async when(ctx) {
    const jobId = ctx.need("jobId");
    const expect = ctx.isMock ? undefined : ([404] as number[]);
    const status = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/status", {
      as: "outsider",
      path: { job_id: jobId },
      expect,
    });
    const results = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/results", {
      as: "outsider",
      path: { job_id: jobId },
      expect,
    });
    const anonymous = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/status", {
      as: "anonymous",
      path: { job_id: jobId },
      expect: [401],
    });
    ctx.scratch = {
      status: status.error?.code,
      results: results.error?.code,
      anonymous: anonymous.error?.code,
    };
  },
  async then(ctx) {
    const codes = ctx.scratch as Record<string, string | undefined>;
    ctx.check(
      "the other tenant's status request is not_found",
      codes.status === "not_found",
      String(codes.status),
    );
    ctx.check(
      "the other tenant's results request is not_found",
      codes.results === "not_found",
      String(codes.results),
    );
    ctx.check(
      "no key is unauthorized",
      codes.anonymous === "unauthorized",
      String(codes.anonymous),
    );
  },
};
