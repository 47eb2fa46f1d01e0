// Reviews that must be refused, and change nothing: a rating of 6 (400 naming rating), a review by
// a customer who has no completed job on the service (422 review_not_allowed), and a second review
// of the same job (409 already_reviewed). The provider's rating count stays the same.
import type { ScenarioCase } from "../scenario-case.js";
import type { ScenarioContext } from "../scenario-context.js";

type Problem = { code?: string; errors?: Array<{ field: string }> } | undefined;

async function ratingCount(ctx: ScenarioContext): Promise<number> {
  const res = await ctx.call("coordinator", "GET", "/v1/providers/{provider_id}/reputation", {
    as: "anonymous",
    path: { provider_id: ctx.need("providerId") },
  });
  return (res.body as { rating_count: number }).rating_count;
}

export const badReviewsRefused: ScenarioCase = {
  id: "4.5",
  title: "A rating of 6, a review without a completed job and a second review are refused",
  needsRealState: true,
  thenChecks:
    "400 validation_failed naming rating, 422 review_not_allowed, 409 already_reviewed; the rating count is unchanged",
  async given(ctx) {
    ctx.keyOf("newcomer");
    ctx.scratch.before = await ratingCount(ctx);
  },
  async when(ctx) {
    const path = { service_id: ctx.need("serviceId") };
    const review = "Excellent service! Fast execution and great results.";
    const six = await ctx.call("coordinator", "POST", "/v1/services/{service_id}/rate", {
      as: "customer",
      path,
      body: { rating: 6, review: "Too good.", customer_id: ctx.need("customerId") },
      expect: "4xx",
    });
    const expect = ctx.isMock ? undefined : ("4xx" as const);
    const newcomer = await ctx.call("coordinator", "POST", "/v1/services/{service_id}/rate", {
      as: "newcomer",
      path,
      body: { rating: 5, review, customer_id: ctx.need("newcomerId") },
      expect,
    });
    const again = await ctx.call("coordinator", "POST", "/v1/services/{service_id}/rate", {
      as: "customer",
      path,
      body: { rating: 1, review: "Changed my mind.", customer_id: ctx.need("customerId") },
      expect,
    });
    ctx.scratch.problems = {
      six: six.error?.problem,
      newcomer: newcomer.error?.problem,
      again: again.error?.problem,
    };
    ctx.scratch.after = await ratingCount(ctx);
  },
  async then(ctx) {
    const p = ctx.scratch.problems as Record<string, Problem>;
    const shown = (x: Problem) => JSON.stringify(x?.errors ?? x?.code);
    ctx.check(
      "a rating of 6 is validation_failed naming rating",
      p.six?.code === "validation_failed" &&
        Boolean(p.six.errors?.some((e) => e.field.includes("rating"))),
      shown(p.six),
    );
    ctx.check(
      "a review by a customer without a completed job is review_not_allowed",
      p.newcomer?.code === "review_not_allowed",
      shown(p.newcomer),
    );
    ctx.check(
      "a second review of the same job is already_reviewed",
      p.again?.code === "already_reviewed",
      shown(p.again),
    );
    const { before, after } = ctx.scratch as { before: number; after: number };
    ctx.check("the rating count did not change", after === before, `${before} → ${after}`);
  },
};
