// Phase 2: the customer browses and filters services, looks at one, and checks the
// provider's reputation and its own receipts.
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { StackContext } from "./context.js";
import type { Reporter } from "./report.js";

export async function discoverServices(
  ctx: StackContext,
  r: Reporter,
  customerKey: string,
  serviceId: string,
  model: string,
): Promise<{ service: CoordinatorTypes.Service; reputation: CoordinatorTypes.ProviderReputation }> {
  const client = ctx.as(customerKey);
  // A customer's usual filters: GPU Computing, 50–200 AITBC/hour, available now.
  const filtered = await client.coordinator.listServices({
    query: { type: "gpu_compute", min_price: 50, max_price: 200, available_now: true, limit: 100 },
  });
  r.step(
    `GET /v1/services?type=gpu_compute&min_price=50&max_price=200&available_now=true → ${filtered.services.length} service(s)`,
  );
  for (const s of filtered.services)
    r.detail(
      `${s.service_id} by ${s.provider_id}: ${s.pricing.rate_per_hour} AITBC/h, models [${s.models.join(", ")}]`,
    );
  r.check(
    filtered.services.some((s) => s.service_id === serviceId),
    `${serviceId} matches the customer's filters`,
  );
  const byModel = await client.coordinator.listServices({ query: { model, limit: 100 } });
  r.check(
    byModel.services.some((s) => s.service_id === serviceId),
    `${serviceId} is listed for model ${model}`,
  );
  const tooCheap = await client.coordinator.listServices({ query: { max_price: 50, limit: 100 } });
  r.check(
    !tooCheap.services.some((s) => s.service_id === serviceId),
    "a max_price of 50 AITBC/h filters it out",
  );

  const service = await client.coordinator.getService({ path: { service_id: serviceId } });
  r.step(
    `GET /v1/services/${serviceId} → ${service.name}, ${service.specs.gpu_type} ${service.specs.memory}, available_now=${service.available_now}`,
  );
  r.check(service.available_now, "the service is available now");

  const reputation = await client.coordinator.getProviderReputation({
    path: { provider_id: service.provider_id },
  });
  r.step(
    `GET /v1/providers/${service.provider_id}/reputation → rating ${reputation.rating_average ?? "none yet"} (${reputation.rating_count}), ` +
      `${reputation.jobs_completed} completed, ${reputation.jobs_failed} failed`,
  );
  const receipts = await client.coordinator.listReceipts({ query: { limit: 10 } });
  r.step(`GET /v1/receipts?limit=10 → ${receipts.receipts.length} receipt(s) so far`);
  return { service, reputation };
}
