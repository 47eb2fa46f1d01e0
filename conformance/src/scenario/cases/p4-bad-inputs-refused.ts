// Bad inputs along the seed's path are refused with a Problem that names the field, and change
// nothing: a rating of 6, a job without budget, a job whose budget the customer cannot pay.
import type { ScenarioCase } from "../scenario-case.js";

interface Balance {
  balance: number;
}

export const badInputsRefused: ScenarioCase = {
  id: "4.4",
  title: "Bad ratings and unaffordable or budget-less jobs are refused and change nothing",
  needsRealState: true,
  thenChecks:
    "400 validation_failed naming the field, 402 insufficient_funds, and the balance is unchanged",
  async given(ctx) {
    const res = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    ctx.remember("customerBalanceBefore", (res.body as Balance).balance);
  },
  async when(ctx) {
    const serviceId = ctx.need("serviceId");
    const rating = await ctx.call("coordinator", "POST", "/v1/services/{service_id}/rate", {
      as: "customer",
      path: { service_id: serviceId },
      body: { rating: 6, review: "Too good.", customer_id: ctx.need("customerId") },
      expect: "4xx",
    });
    const noBudget = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
      as: "customer",
      body: {
        service_id: serviceId,
        requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "x" },
      },
      expect: "4xx",
    });
    // A valid request the customer cannot pay: a mock accepts it, a real coordinator must refuse it.
    const unaffordable = await ctx.call("coordinator", "POST", "/v1/jobs/create", {
      as: "customer",
      body: {
        service_id: serviceId,
        requirements: {
          task_type: "inference",
          model: ctx.state.model ?? "aitbc-tiny:latest",
          prompt: "x",
        },
        budget: { max_cost: 1_000_000, currency: "AITBC" },
      },
      expect: ctx.isMock ? undefined : [402],
    });
    ctx.scratch = {
      rating: rating.error?.problem,
      noBudget: noBudget.error?.problem,
      unaffordable: unaffordable.error?.problem,
    };
  },
  async then(ctx) {
    type P = { code?: string; errors?: Array<{ field: string }> } | undefined;
    const r = ctx.scratch as { rating: P; noBudget: P; unaffordable: P };
    const names = (p: P, field: string) =>
      p?.code === "validation_failed" && Boolean(p.errors?.some((e) => e.field.includes(field)));
    ctx.check(
      "a rating of 6 is validation_failed naming rating",
      names(r.rating, "rating"),
      JSON.stringify(r.rating?.errors ?? r.rating?.code),
    );
    ctx.check(
      "a job without budget is validation_failed naming budget",
      names(r.noBudget, "budget"),
      JSON.stringify(r.noBudget?.errors ?? r.noBudget?.code),
    );
    ctx.check(
      "an unaffordable job is insufficient_funds",
      r.unaffordable?.code === "insufficient_funds",
      String(r.unaffordable?.code),
    );
    const res = await ctx.call("wallet", "GET", "/api/v1/wallet/balance", { as: "customer" });
    const after = (res.body as Balance).balance;
    ctx.check(
      "the balance did not change",
      after === ctx.need("customerBalanceBefore"),
      `${ctx.need("customerBalanceBefore")} → ${after}`,
    );
  },
};
