// Phase 1: a service provider registers, configures its service offering, registers
// it with the coordinator, and starts its miner.
import { join } from "node:path";
import { tmpdir } from "node:os";
import { ConflictError, PermissionError, toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import type { StackContext } from "./context.js";
import { startMinerProcess, type MinerProcess } from "./miner-process.js";
import { waitFor, type Reporter } from "./report.js";

export const OFFLINE_MODEL = "aitbc-tiny:latest";

export interface Provider {
  id: string;
  name: string;
  api_key: string;
  address: string;
}

/**
 * A provider's example `service_config`, with two changes the running system needs: its
 * availability window (all of 2024) is moved to one that contains today, and the models the service offers are
 * listed (the stack's miners run the offline model).
 */
export function exampleServiceConfig(
  serviceId: string,
  now = new Date(),
): CoordinatorTypes.ServiceRegistration {
  const year = now.getUTCFullYear();
  return {
    service_id: serviceId,
    name: "GPU Computing Service",
    type: "gpu_compute",
    description: "High-performance GPU computing for AI/ML workloads",
    specs: {
      gpu_type: "NVIDIA RTX 4090",
      memory: "24GB",
      cuda_cores: 16384,
      supported_frameworks: ["PyTorch", "TensorFlow", "JAX"],
      models: [OFFLINE_MODEL],
    },
    pricing: { rate_per_hour: 100, currency: "AITBC" },
    availability: {
      start_time: `${year}-01-01T00:00:00Z`,
      end_time: `${year + 1}-12-31T23:59:59Z`,
      timezone: "UTC",
    },
  };
}

/** 1.1: the platform creates the provider's account ("Become a Provider"). */
export async function registerProvider(
  ctx: StackContext,
  r: Reporter,
  id: string,
  name: string,
): Promise<Provider> {
  const created = await ctx.admin.coordinator.createAccount({
    body: { id, name, role: "provider" },
  });
  r.step(`Provider "${name}" registered: id ${created.id}, chain address ${created.address}`);
  r.check(
    created.role === "provider" && created.api_key.length > 0,
    "the provider got an API key and a chain address",
  );
  return { id: created.id, name, api_key: created.api_key, address: created.address };
}

/** What the example providers lock: the dev stack's minimum bond to list a service. */
export const PROVIDER_BOND = 10;

/**
 * The provider's bond, locked on chain before it lists a service (a marketplace with a minimum
 * bond refuses the service otherwise). The dev faucet gives the provider exactly the bond, so its
 * balance afterwards is what it earns.
 */
export async function postBond(
  ctx: StackContext,
  r: Reporter,
  provider: Provider,
  amount = PROVIDER_BOND,
): Promise<void> {
  const client = ctx.as(provider.api_key);
  const grant = await ctx.admin.node.requestFaucet({ body: { address: provider.address, amount } });
  await waitFor(
    "the faucet grant for the bond",
    async () => {
      const a = await ctx.admin.node.getAccount({ path: { address: provider.address } });
      return BigInt(a.balance_micro) >= toMicro(amount) ? a : undefined;
    },
    30_000,
  );
  const tx = await client.wallet.lockBond({ body: { amount } });
  r.step(
    `POST /api/v1/wallet/bond/lock → ${tx.amount} AITBC bonded in block ${tx.block_height} (faucet tx ${grant.tx_hash}, bond tx ${tx.tx_hash})`,
  );
  r.check(
    tx.bond.status === "active" && tx.bond.amount_micro === toMicro(amount).toString(),
    `the provider's bond holds ${amount} AITBC on chain`,
    `${tx.bond.amount} AITBC, ${tx.bond.status}`,
  );
}

/** 1.2 + 1.3: the service configuration, registered with the coordinator. */
export async function registerService(
  ctx: StackContext,
  r: Reporter,
  provider: Provider,
  config: CoordinatorTypes.ServiceRegistration,
  customerKey?: string,
): Promise<CoordinatorTypes.Service> {
  const client = ctx.as(provider.api_key);
  const service = await client.coordinator.registerService({ body: config });
  r.step(
    `POST /v1/services/register → ${service.service_id} (${service.pricing.rate_per_hour} AITBC/hour, ${service.status})`,
  );
  r.check(service.provider_id === provider.id, "the service belongs to the provider");
  r.check(
    service.bond.meets_minimum,
    "the service shows the provider's bond, which meets the marketplace's minimum",
    `bond ${service.bond.amount} AITBC, minimum ${service.bond.required} AITBC`,
  );
  r.check(
    service.pricing.unit_price === "100000000",
    "100 AITBC/hour is stored exactly (100000000 micro-AITBC)",
    service.pricing.unit_price,
  );
  const again = await client.coordinator.registerService({ body: config }).catch((e: unknown) => e);
  r.check(
    again instanceof ConflictError && again.code === "already_exists",
    "registering the same service_id again is refused (409 already_exists)",
  );
  if (customerKey) {
    const denied = await ctx
      .as(customerKey)
      .coordinator.registerService({ body: { ...config, service_id: `${config.service_id}-x` } })
      .catch((e: unknown) => e);
    r.check(denied instanceof PermissionError, "a customer key cannot register services (403)");
  }
  return service;
}

/** The provider's miner (its host daemon, `aitbc-miner`), until it serves the model. */
export async function startProviderMiner(
  ctx: StackContext,
  r: Reporter,
  provider: Provider,
  serviceId: string,
  dataDir = join(tmpdir(), "aitbc-examples", provider.id),
): Promise<MinerProcess> {
  const miner = startMinerProcess({
    coordinatorUrl: ctx.urls.coordinator,
    apiKey: provider.api_key,
    name: `${provider.id}-miner`,
    dataDir,
  });
  r.step(`Started aitbc-miner for ${provider.id} on the offline model (log: ${miner.logFile})`);
  try {
    const service = await waitFor(
      `a miner of ${provider.id} to serve ${OFFLINE_MODEL}`,
      async () => {
        const s = await ctx.admin.coordinator.getService({ path: { service_id: serviceId } });
        return s.models.includes(OFFLINE_MODEL) ? s : undefined;
      },
      60_000,
    );
    r.check(
      service.online_miners >= 1,
      `the service now offers ${OFFLINE_MODEL}`,
      `${service.online_miners} online miner(s)`,
    );
  } catch (err) {
    await miner.stop();
    throw err;
  }
  return miner;
}

/** Takes a service off the market (kept for its jobs, receipts and reviews) when its miner stops. */
export async function retireService(
  ctx: StackContext,
  provider: Pick<Provider, "api_key">,
  serviceId: string,
): Promise<void> {
  await ctx.as(provider.api_key).coordinator.deactivateService({ path: { service_id: serviceId } });
}
