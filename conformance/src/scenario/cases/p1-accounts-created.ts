// Step 1.1 / setup: the platform admin creates the provider and customer accounts the scenario
// uses (a customer in another tenant, for the isolation checks, and a newcomer without any job, for
// the review that must be refused), each with its own API key.
// On a real stack with a running miner the existing provider is used instead of a new one.
import type { ScenarioCase } from "../scenario-case.js";
import type { ScenarioContext } from "../scenario-context.js";

interface Account {
  id: string;
  role: string;
  tenant_id: string;
  api_key: string;
  address: string;
}

async function createAccount(
  ctx: ScenarioContext,
  body: Record<string, unknown>,
): Promise<Account> {
  const res = await ctx.call("coordinator", "POST", "/v1/admin/accounts", { as: "admin", body });
  return res.body as Account;
}

export const accountsCreated: ScenarioCase = {
  id: "1.1",
  title: "The admin creates a provider, customers, and a customer of another tenant",
  needsRealState: true,
  thenChecks: "each key authenticates as its own account and role (GET /v1/me)",
  async given(ctx) {
    ctx.keyOf("admin");
  },
  async when(ctx) {
    const run = ctx.need("runId");
    const preset = ctx.presetProvider;
    const provider = preset
      ? { id: preset.id, api_key: preset.apiKey, address: preset.address ?? "" }
      : await createAccount(ctx, {
          id: ctx.isMock ? "gpu-compute-pro" : `gpu-compute-pro-${run}`,
          name: "GPUCompute Pro",
          role: "provider",
        });
    const customer = await createAccount(ctx, {
      id: ctx.isMock ? "customer-123" : `customer-${run}`,
      name: "Customer 123",
      role: "customer",
    });
    const outsider = await createAccount(ctx, {
      id: `outsider-${run}`,
      name: "Customer of another tenant",
      role: "customer",
      tenant_id: `conformance-${run}`,
    });
    ctx.remember("providerKey", provider.api_key);
    ctx.remember("providerId", provider.id);
    ctx.remember("providerAddress", provider.address);
    ctx.remember("customerKey", customer.api_key);
    ctx.remember("customerId", customer.id);
    ctx.remember("customerAddress", customer.address);
    const newcomer = await createAccount(ctx, {
      id: `newcomer-${run}`,
      name: "Customer without a job",
      role: "customer",
    });
    ctx.remember("outsiderKey", outsider.api_key);
    ctx.remember("newcomerKey", newcomer.api_key);
    ctx.remember("newcomerId", newcomer.id);
  },
  async then(ctx) {
    for (const [actor, id] of [
      ["provider", ctx.need("providerId")],
      ["customer", ctx.need("customerId")],
    ] as const) {
      const me = (await ctx.call("coordinator", "GET", "/v1/me", { as: actor })).body as Account;
      ctx.check(
        `the ${actor} key is the ${actor}'s`,
        me.id === id && me.role === actor,
        `${me.id} (${me.role})`,
      );
    }
  },
};
