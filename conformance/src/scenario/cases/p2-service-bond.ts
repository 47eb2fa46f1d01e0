// Step 2.1b: the service shows its provider's bond, and a customer who asks for a minimum bond
// (`min_bond`) finds the service up to that bond and not beyond it.
import type { ScenarioCase } from "../scenario-case.js";
import { SCENARIO_BOND } from "./p1-bond-posted.js";

interface ServiceBond {
  amount: number;
  required: number;
  meets_minimum: boolean;
}
interface ServiceList {
  services: Array<{ service_id: string; bond: ServiceBond }>;
}

export const serviceBond: ScenarioCase = {
  id: "2.1b",
  title: "The customer sees the provider's bond and filters services by a minimum bond",
  needsRealState: true,
  thenChecks: "the service shows the bond; min_bond keeps it up to the bond and drops it above",
  async given(ctx) {
    ctx.need("serviceId");
  },
  async when(ctx) {
    const within = await ctx.call("coordinator", "GET", "/v1/services", {
      as: "customer",
      query: { min_bond: SCENARIO_BOND, limit: 100, provider_id: ctx.need("providerId") },
    });
    const above = await ctx.call("coordinator", "GET", "/v1/services", {
      as: "customer",
      query: { min_bond: SCENARIO_BOND * 1000, limit: 100, provider_id: ctx.need("providerId") },
    });
    ctx.scratch.within = within.body;
    ctx.scratch.above = above.body;
  },
  async then(ctx) {
    const serviceId = ctx.need("serviceId");
    const within = ctx.scratch.within as ServiceList;
    const above = ctx.scratch.above as ServiceList;
    const service = within.services.find((s) => s.service_id === serviceId);
    ctx.check(
      `the service is listed with min_bond ${SCENARIO_BOND}`,
      service !== undefined,
      within.services.map((s) => s.service_id).join(", ") || "no services",
    );
    ctx.check(
      `it shows the provider's bond of at least ${SCENARIO_BOND} AITBC, meeting the marketplace's minimum`,
      service !== undefined && service.bond.amount >= SCENARIO_BOND && service.bond.meets_minimum,
      JSON.stringify(service?.bond),
    );
    ctx.check(
      `it is not listed with min_bond ${SCENARIO_BOND * 1000}`,
      !above.services.some((s) => s.service_id === serviceId),
      above.services.map((s) => s.service_id).join(", ") || "no services",
    );
  },
};
