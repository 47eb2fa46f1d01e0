// Step 1.2–1.3: the provider registers its GPU service's service_config with the coordinator.
import type { ScenarioCase } from "../scenario-case.js";

/**
 * The GPU service's service_config as a provider would write it. Its availability window is 2024; a real
 * coordinator rightly matches no job to a service outside its window, so against an implementation
 * the window is the current year (the rest stays as written).
 */
export function gpuServiceConfig(serviceId: string, now?: Date) {
  const year = now?.getUTCFullYear();
  return {
    service_id: serviceId,
    name: "GPU Computing Service",
    type: "gpu_compute",
    specs: {
      gpu_type: "NVIDIA RTX 4090",
      memory: "24GB",
      cuda_cores: 16384,
      supported_frameworks: ["PyTorch", "TensorFlow", "JAX"],
    },
    pricing: { rate_per_hour: 100, currency: "AITBC" },
    availability: {
      start_time: `${year ?? 2024}-01-01T00:00:00Z`,
      end_time: `${year ?? 2024}-12-31T23:59:59Z`,
      timezone: "UTC",
    },
  };
}

interface Service {
  service_id: string;
  provider_id: string;
  name: string;
  type: string;
  pricing: { rate_per_hour?: number };
}

export const serviceRegistered: ScenarioCase = {
  id: "1.3",
  title: "The provider registers its GPU service with the coordinator",
  needsRealState: true,
  thenChecks: "the service is stored as sent and belongs to the provider",
  async given(ctx) {
    ctx.keyOf("provider");
  },
  async when(ctx) {
    const serviceId = ctx.isMock ? "gpu-compute-001" : `gpu-compute-001-${ctx.need("runId")}`;
    const res = await ctx.call("coordinator", "POST", "/v1/services/register", {
      as: "provider",
      body: gpuServiceConfig(serviceId, ctx.isMock ? undefined : new Date()),
      expect: [201],
    });
    const service = res.body as Service;
    ctx.remember("serviceId", service.service_id);
    ctx.remember("serviceName", service.name);
  },
  async then(ctx) {
    const serviceId = ctx.need("serviceId");
    const res = await ctx.call("coordinator", "GET", "/v1/services/{service_id}", {
      as: "provider",
      path: { service_id: serviceId },
    });
    const service = res.body as Service;
    ctx.check(
      "the service id is the one registered",
      service.service_id === serviceId,
      service.service_id,
    );
    ctx.check(
      "the service belongs to the provider",
      service.provider_id === ctx.need("providerId"),
      service.provider_id,
    );
    ctx.check(
      "name, type and rate are as sent",
      service.name === "GPU Computing Service" &&
        service.type === "gpu_compute" &&
        service.pricing.rate_per_hour === 100,
      JSON.stringify({ name: service.name, type: service.type, pricing: service.pricing }),
    );
  },
};
