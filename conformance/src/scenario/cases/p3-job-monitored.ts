// Step 3.3: the customer follows the job until it finishes, and looks at the chain's latest block.
import type { ScenarioCase } from "../scenario-case.js";

const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

interface Status {
  job_id: string;
  status: string;
}

export const jobMonitored: ScenarioCase = {
  id: "3.3",
  title: "The customer polls the job's status until it completes",
  needsRealState: true,
  thenChecks: "the job reaches completed before the poll deadline",
  async given(ctx) {
    ctx.need("jobId");
  },
  async when(ctx) {
    const jobId = ctx.need("jobId");
    const last = await ctx.pollUntil(
      async () =>
        (
          await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/status", {
            as: "customer",
            path: { job_id: jobId },
          })
        ).body as Status,
      (s) => TERMINAL.has(s.status),
    );
    ctx.remember("jobStatus", last.status);
    await ctx.call("node", "GET", "/api/v1/block/latest", { as: "anonymous" });
  },
  async then(ctx) {
    ctx.check("the job completed", ctx.need("jobStatus") === "completed", ctx.need("jobStatus"));
  },
};
