// Step 2.2: the customer opens the service's details with their own key.
import type { ScenarioCase } from "../scenario-case.js";

interface Service {
  service_id: string;
  provider_id: string;
  pricing: { rate_per_hour?: number; currency?: string };
}

export const serviceDetails: ScenarioCase = {
  id: "2.2",
  title: "The customer views the service's details",
  needsRealState: true,
  thenChecks: "the customer sees the provider's service with its price",
  async given(ctx) {
    ctx.need("serviceId");
  },
  async when(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/services/{service_id}", {
      as: "customer",
      path: { service_id: ctx.need("serviceId") },
    });
    ctx.scratch.service = res.body;
  },
  async then(ctx) {
    const service = ctx.scratch.service as Service;
    ctx.check(
      "it is the registered service",
      service.service_id === ctx.need("serviceId"),
      service.service_id,
    );
    ctx.check(
      "it is the provider's",
      service.provider_id === ctx.need("providerId"),
      service.provider_id,
    );
    ctx.check(
      "the price is 100 AITBC per hour",
      service.pricing.rate_per_hour === 100 && service.pricing.currency === "AITBC",
      JSON.stringify(service.pricing),
    );
  },
};
