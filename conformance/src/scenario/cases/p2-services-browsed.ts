// Step 2.1: the customer checks the coordinator's health and browses services with a
// customer's usual filters (GPU computing, 50–200 AITBC/hour, available now).
import type { ScenarioCase } from "../scenario-case.js";

interface ServiceList {
  services: Array<{ service_id: string }>;
}

const CUSTOMER_FILTERS = {
  type: "gpu_compute",
  min_price: 50,
  max_price: 200,
  available_now: true,
};

export const servicesBrowsed: ScenarioCase = {
  id: "2.1",
  title: "The customer browses GPU services priced 50–200 AITBC/hour",
  needsRealState: true,
  thenChecks: "the registered service is listed under the customer's filters",
  async given(ctx) {
    await ctx.call("coordinator", "GET", "/v1/health", { as: "anonymous" });
  },
  async when(ctx) {
    const res = await ctx.call("coordinator", "GET", "/v1/services", {
      as: "customer",
      query: CUSTOMER_FILTERS,
    });
    ctx.scratch.list = res.body;
  },
  async then(ctx) {
    const serviceId = ctx.need("serviceId");
    const list = ctx.scratch.list as ServiceList;
    const ids = list.services.map((s) => s.service_id);
    ctx.check(
      "the registered service is listed",
      ids.includes(serviceId),
      ids.join(", ") || "no services",
    );
  },
};
