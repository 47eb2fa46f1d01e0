// The starting point of most component tests: a fresh coordinator with one provider (a registered
// service and a miner) and one funded customer.
import type { CoordinatorConfig } from "../../src/index.js";
import {
  createAccount,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./harness.js";
import { registerMiner, type TestMiner } from "./miner-double.js";

export interface Market {
  h: Harness;
  provider: Account;
  customer: Account;
  miner: TestMiner;
}

export async function startMarket(
  kind: "sqlite" | "postgres",
  names: { provider: string; customer: string; service: string; aitbc?: number },
  overrides: Partial<CoordinatorConfig> = {},
): Promise<Market> {
  const h = await startHarness(kind, overrides);
  const provider = await createAccount(h, "provider", names.provider);
  const customer = await fundedCustomer(h, names.customer, names.aitbc ?? 1000);
  await provider.client.coordinator.registerService({ body: serviceConfig(names.service) });
  const miner = await registerMiner(provider);
  return { h, provider, customer, miner };
}
