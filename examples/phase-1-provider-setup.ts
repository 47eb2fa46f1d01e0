// Phase 1, Service Provider Setup: register as a provider ("GPUCompute Pro"), configure its
// service_config, register it with the coordinator, and run the provider's miner.
// Run: npx tsx examples/phase-1-provider-setup.ts [--serve]   (--serve keeps the miner running until Ctrl-C)
import { loadStackContext } from "./phases/context.js";
import {
  registerProvider,
  postBond,
  registerService,
  exampleServiceConfig,
  startProviderMiner,
} from "./phases/provider-setup.js";
import { consoleReporter, runId } from "./phases/report.js";

const ctx = loadStackContext();
const r = consoleReporter();
const id = runId();
try {
  r.phase("1.1 Register as a service provider");
  const provider = await registerProvider(ctx, r, `gpu-compute-pro-${id}`, "GPUCompute Pro");
  r.phase("Post the provider's bond (the marketplace's minimum to list a service)");
  await postBond(ctx, r, provider);
  r.phase("1.2 + 1.3 Configure the service offering and register it with the coordinator");
  const service = await registerService(
    ctx,
    r,
    provider,
    exampleServiceConfig(`gpu-compute-001-${id}`),
    ctx.credentials.customer.api_key,
  );
  r.phase("Start the provider's miner (aitbc-miner)");
  const miner = await startProviderMiner(ctx, r, provider, service.service_id);
  const listed = await ctx.admin.coordinator.listServices({ query: { provider_id: provider.id } });
  r.check(listed.services.length === 1, "the service appears in the marketplace listing");
  console.log(
    `\nProvider ${provider.id} is set up. Its API key (keep it secret): ${provider.api_key}`,
  );
  if (process.argv.includes("--serve")) {
    console.log("Serving jobs until Ctrl-C…");
    await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  }
  await miner.stop();
  console.log(
    "Miner stopped; the service stays registered (it offers no model until a miner is online again).",
  );
} catch (err) {
  console.error(`\n✗ ${(err as Error).message}`);
  process.exitCode = 1;
}
