// Step 4.3: the customer rates the service (a plain rating body) and the provider's
// reputation counts the review.
import type { ScenarioCase } from "../scenario-case.js";

interface Reputation {
  rating_count: number;
}

export const serviceRated: ScenarioCase = {
  id: "4.3",
  title: "The customer rates the service 5 stars and the reputation counts it",
  needsRealState: true,
  thenChecks: "the provider's rating_count grew by one",
  async given(ctx) {
    ctx.need("serviceId");
  },
  async when(ctx) {
    await ctx.call("coordinator", "POST", "/v1/services/{service_id}/rate", {
      as: "customer",
      path: { service_id: ctx.need("serviceId") },
      body: {
        rating: 5,
        review: "Excellent service! Fast execution and great results.",
        customer_id: ctx.need("customerId"),
      },
      expect: [201],
    });
  },
  async then(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/providers/{provider_id}/reputation", {
      as: "anonymous",
      path: { provider_id: ctx.need("providerId") },
    });
    const after = (res.body as Reputation).rating_count;
    const before = ctx.need("reviewCountBefore");
    ctx.check("the review is counted", after === before + 1, `${before} → ${after}`);
  },
};
