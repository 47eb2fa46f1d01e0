// Bad job requests along the customer's path are refused and change nothing: no key (401), no budget
// and a negative budget (400 naming the field), a budget above the balance (402). The customer's
// balance, the provider's and the customer's list of jobs are the same afterwards.
import type { ScenarioCase } from "../scenario-case.js";
import type { ScenarioContext } from "../scenario-context.js";

interface Balance {
  balance: number;
}
type Problem = { code?: string; errors?: Array<{ field: string }> } | undefined;

async function snapshot(ctx: ScenarioContext) {
  const customer = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
  const provider = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "provider" });
  const jobs = await ctx.call("coordinator", "GET", "/v1/admin/jobs", {
    as: "admin",
    query: { customer_id: ctx.need("customerId"), limit: 100 },
  });
  return {
    customer: (customer.body as Balance).balance,
    provider: (provider.body as Balance).balance,
    jobs: ((jobs.body as { jobs: Array<{ job_id: string }> }).jobs ?? []).map((j) => j.job_id),
  };
}

export const badJobsRefused: ScenarioCase = {
  id: "4.4",
  title: "Jobs without a key, without or with a negative budget, or beyond the balance are refused",
  needsRealState: true,
  thenChecks:
    "401 unauthorized, 400 validation_failed naming budget, 402 insufficient_funds; no money moved and no job created",
  async given(ctx) {
    ctx.scratch.before = await snapshot(ctx);
  },
  async when(ctx) {
    const serviceId = ctx.need("serviceId");
    const requirements = {
      task_type: "inference",
      model: ctx.state.model ?? "aitbc-tiny:latest",
      prompt: "x",
    };
    const job = (as: "customer" | "anonymous", budget: unknown, expect: number[] | "4xx") =>
      ctx.call("coordinator", "POST", "/v1/jobs/create", {
        as,
        body: { service_id: serviceId, requirements, ...(budget ? { budget } : {}) },
        expect,
      });
    const noKey = await job("anonymous", { max_cost: 5, currency: "AITBC" }, [401]);
    const noBudget = await job("customer", undefined, "4xx");
    const negative = await job("customer", { max_cost: -5, currency: "AITBC" }, "4xx");
    // A valid request the customer cannot pay: a mock accepts it, a real coordinator must refuse it.
    const unaffordable = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
      as: "customer",
      body: {
        service_id: serviceId,
        requirements,
        budget: { max_cost: 1_000_000, currency: "AITBC" },
      },
      expect: ctx.isMock ? undefined : [402],
    });
    ctx.scratch.problems = {
      noKey: noKey.error?.problem,
      noBudget: noBudget.error?.problem,
      negative: negative.error?.problem,
      unaffordable: unaffordable.error?.problem,
    };
    ctx.scratch.after = await snapshot(ctx);
  },
  async then(ctx) {
    const p = ctx.scratch.problems as Record<string, Problem>;
    const names = (x: Problem, field: string) =>
      x?.code === "validation_failed" && Boolean(x.errors?.some((e) => e.field.includes(field)));
    const shown = (x: Problem) => JSON.stringify(x?.errors ?? x?.code);
    ctx.check(
      "a job without a key is unauthorized",
      p.noKey?.code === "unauthorized",
      shown(p.noKey),
    );
    ctx.check(
      "a job without budget is validation_failed naming budget",
      names(p.noBudget, "budget"),
      shown(p.noBudget),
    );
    ctx.check(
      "a job with a budget of -5 is validation_failed naming budget.max_cost",
      names(p.negative, "max_cost"),
      shown(p.negative),
    );
    ctx.check(
      "a job beyond the balance is insufficient_funds",
      p.unaffordable?.code === "insufficient_funds",
      shown(p.unaffordable),
    );
    type Snap = { customer: number; provider: number; jobs: string[] };
    const { before, after } = ctx.scratch as { before: Snap; after: Snap };
    ctx.check(
      "no money moved",
      after.customer === before.customer && after.provider === before.provider,
      `customer ${before.customer} → ${after.customer}, provider ${before.provider} → ${after.provider}`,
    );
    ctx.check(
      "no job was created",
      after.jobs.length === before.jobs.length && after.jobs.every((j) => before.jobs.includes(j)),
      `${before.jobs.length} → ${after.jobs.length} jobs of the customer`,
    );
  },
};
