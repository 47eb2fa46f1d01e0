// The dev provider's service: the offline model at a seed-like price, available from today for a
// year. On a restart an existing service is put back on the market and its window renewed, so a
// stack that sat idle for a long time is not silently empty.
import { NotFoundError, type AitbcClient, type CoordinatorTypes } from "@aitbc/sdk";

export const DEV_MODEL = "aitbc-tiny:latest";
export const DEV_SERVICE_ID = "dev-tiny-inference";
export const DEV_RATE_PER_HOUR = 100;

export function devAvailability(now = new Date()): CoordinatorTypes.Availability {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const end = new Date(start.getTime() + 366 * 24 * 3600 * 1000 - 1000);
  return {
    start_time: start.toISOString().replace(".000Z", "Z"),
    end_time: end.toISOString().replace(".000Z", "Z"),
    timezone: "UTC",
  };
}

export function devServiceRegistration(
  serviceId: string,
  now?: Date,
): CoordinatorTypes.ServiceRegistration {
  return {
    service_id: serviceId,
    name: "Dev inference: aitbc-tiny (random-weight test model)",
    type: "gpu_compute",
    description:
      "The local stack's own service: a CPU miner running the offline aitbc-tiny:latest model with llama.cpp. " +
      "The weights are random, so the text is meaningless, but the computation, metering, receipts and payment are real.",
    specs: {
      gpu_type: "CPU only (llama.cpp)",
      memory: "1GB",
      supported_frameworks: ["llama.cpp"],
      models: [DEV_MODEL],
    },
    pricing: { rate_per_hour: DEV_RATE_PER_HOUR, currency: "AITBC" },
    availability: devAvailability(now),
  };
}

export async function ensureDevService(
  provider: AitbcClient,
  serviceId: string,
): Promise<CoordinatorTypes.Service> {
  const registration = devServiceRegistration(serviceId);
  let existing: CoordinatorTypes.Service | undefined;
  try {
    existing = await provider.coordinator.getService({ path: { service_id: serviceId } });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  if (!existing) return provider.coordinator.registerService({ body: registration });
  if (existing.status === "active" && existing.available_now) return existing;
  return provider.coordinator.updateService({
    path: { service_id: serviceId },
    body: { status: "active", availability: registration.availability },
  });
}
