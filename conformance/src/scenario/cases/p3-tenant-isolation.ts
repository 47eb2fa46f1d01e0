// Multi-tenant isolation: a customer of another tenant asking for this job by id gets
// 404, so the job's existence does not leak; its receipt is not in that customer's list, and its
// live stream refuses that customer. Without a key the answer is 401.
import { AitbcError, streamJobEvents } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";
import type { ScenarioContext } from "../scenario-context.js";

/** The problem code with which the job's stream refuses the outsider ("opened" if it did not). */
async function streamRefusal(ctx: ScenarioContext, jobId: string): Promise<string> {
  const stream = streamJobEvents(jobId, {
    coordinatorUrl: ctx.coordinatorUrl,
    apiKey: ctx.keyOf("outsider"),
    reconnect: false,
    signal: AbortSignal.timeout(ctx.pollTimeoutMs),
  });
  try {
    for await (const _event of stream) return "opened and sent an event";
    return "opened";
  } catch (err) {
    return err instanceof AitbcError ? err.code : `error: ${(err as Error).message}`;
  }
}

export const tenantIsolation: ScenarioCase = {
  id: "3.4b",
  title:
    "A customer of another tenant cannot see the job, its receipt or its stream; no key gets 401",
  needsRealState: true,
  thenChecks:
    "the other tenant gets 404 not_found for the job's status and results, no receipt of it, a refused stream, and no key gets 401",
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
    const receipts = await ctx.call("coordinator", "GET", "/v1/receipts", {
      as: "outsider",
      query: { job_id: jobId, limit: 10 },
    });
    const anonymous = await ctx.call("coordinator", "GET", "/v1/jobs/{job_id}/status", {
      as: "anonymous",
      path: { job_id: jobId },
      expect: [401],
    });
    ctx.scratch = {
      status: status.error?.code,
      results: results.error?.code,
      receipts: (receipts.body as { receipts?: unknown[] }).receipts?.length,
      anonymous: anonymous.error?.code,
      // Prism mocks have no WebSockets: the stream is only tried against an implementation.
      stream: ctx.isMock ? undefined : await streamRefusal(ctx, jobId),
    };
  },
  async then(ctx) {
    const codes = ctx.scratch as Record<string, string | number | undefined>;
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
      "the other tenant's receipt list has no receipt of the job",
      codes.receipts === 0,
      `${codes.receipts} receipts`,
    );
    ctx.check(
      "the other tenant's stream subscription is refused as not_found",
      codes.stream === "not_found",
      String(codes.stream),
    );
    ctx.check(
      "no key is unauthorized",
      codes.anonymous === "unauthorized",
      String(codes.anonymous),
    );
  },
};
