// Step 2.3: anyone can read a provider's reputation; the customer lists recent receipts.
import type { ScenarioCase } from "../scenario-case.js";

interface Reputation {
  provider_id: string;
  rating_count: number;
  jobs_completed: number;
}

export const providerReputation: ScenarioCase = {
  id: "2.3",
  title: "The customer checks the provider's reputation and recent receipts",
  needsRealState: true,
  thenChecks: "the reputation is the provider's and a new customer has no receipts",
  async given(ctx) {
    ctx.need("providerId");
  },
  async when(ctx) {
    const rep = await ctx.call("coordinator", "GET", "/v1/providers/{provider_id}/reputation", {
      as: "anonymous",
      path: { provider_id: ctx.need("providerId") },
    });
    const reputation = rep.body as Reputation;
    ctx.remember("reviewCountBefore", reputation.rating_count);
    const receipts = await ctx.call("coordinator", "GET", "/v1/receipts", {
      as: "customer",
      query: { limit: 10 },
    });
    ctx.scratch = { reputation, receipts: receipts.body };
  },
  async then(ctx) {
    const { reputation, receipts } = ctx.scratch as {
      reputation: Reputation;
      receipts: { receipts?: unknown[] };
    };
    ctx.check(
      "the reputation is the provider's",
      reputation.provider_id === ctx.need("providerId"),
      reputation.provider_id,
    );
    ctx.check(
      "a new customer has no receipts yet",
      Array.isArray(receipts.receipts) && receipts.receipts.length === 0,
      `${receipts.receipts?.length ?? "no"} receipts`,
    );
  },
};
