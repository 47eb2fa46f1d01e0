// All eight phases of the customer–provider scenario
// against the running stack, with a check after every step. Run: npx tsx examples/full-scenario.ts
import { pathToFileURL } from "node:url";
import { createAitbcClient } from "@aitbc/sdk";
import { balanceOf } from "./phases/balances.js";
import { loadStackContext, type StackContext } from "./phases/context.js";
import { discoverServices } from "./phases/customer-discovery.js";
import { checkLedger, describeLedger, type LedgerReport } from "./phases/ledger.js";
import type { MinerProcess } from "./phases/miner-process.js";
import {
  OFFLINE_MODEL,
  registerProvider,
  postBond,
  registerService,
  retireService,
  exampleServiceConfig,
  startProviderMiner,
} from "./phases/provider-setup.js";
import {
  buyCredits,
  checkRefusals,
  runInferenceJob,
  trainingWorkloadJob,
  setupCustomer,
} from "./phases/purchase-and-run.js";
import { consoleReporter, runId, type Reporter } from "./phases/report.js";
import { checkSettlement, rateService } from "./phases/settlement.js";

export interface ScenarioResult {
  providerId: string;
  serviceId: string;
  customerId: string;
  jobId: string;
  receiptCost: string;
  settlementTx: string;
  ledgerBefore: LedgerReport;
  ledgerAfter: LedgerReport;
  checks: number;
}

export async function runFullScenario(
  ctx: StackContext,
  r: Reporter & { checks: number } = consoleReporter(),
  options: { minerDataDir?: string } = {},
): Promise<ScenarioResult> {
  const id = runId();
  const providerId = `gpu-compute-pro-${id}`;
  const serviceId = `gpu-compute-001-${id}`;
  const customerId = `customer-123-${id}`;
  let miner: MinerProcess | undefined;
  let retire: (() => Promise<void>) | undefined;
  r.say("Starting AITBC Test Scenario...");
  try {
    r.phase("Phase 1: Setting up test environment...");
    const health = await Promise.all([
      ctx.admin.coordinator.getHealth(),
      ctx.admin.wallet.getHealth(),
      ...ctx.urls.nodes.map((url) => createAitbcClient({ nodeUrl: url }).node.getHealth()),
    ]);
    r.check(
      health.every((h) => h.status === "ok"),
      `coordinator, wallet and ${ctx.urls.nodes.length} nodes are healthy`,
    );
    const ledgerBefore = await checkLedger(ctx.admin, ctx.genesisSupply);
    r.check(
      ledgerBefore.ok,
      "the ledger invariant holds before the scenario",
      describeLedger(ledgerBefore),
    );

    r.phase("Phase 2: Registering service provider...");
    const provider = await registerProvider(ctx, r, providerId, "GPUCompute Pro");
    await postBond(ctx, r, provider);

    r.phase("Phase 3: Registering service...");
    const service = await registerService(
      ctx,
      r,
      provider,
      exampleServiceConfig(serviceId),
      ctx.credentials.customer.api_key,
    );
    retire = () => retireService(ctx, provider, service.service_id);
    miner = await startProviderMiner(ctx, r, provider, service.service_id, options.minerDataDir);

    r.phase("Phase 4: Setting up customer...");
    const customer = await setupCustomer(ctx, r, customerId, "Customer 123");
    await buyCredits(ctx, r, customer, 1000);
    await checkRefusals(ctx, r, customer, service.service_id);

    r.phase("Phase 5: Testing service discovery...");
    await discoverServices(ctx, r, customer.api_key, service.service_id, OFFLINE_MODEL);

    r.phase("Phase 6: Creating and executing job...");
    const customerBefore = await balanceOf(ctx.as(customer.api_key));
    const providerBefore = await balanceOf(ctx.as(provider.api_key));
    const run = await runInferenceJob(ctx, r, customer, service.service_id, {
      prompt: "Hello AITBC",
      budget: 250,
    });
    await trainingWorkloadJob(ctx, r, customer, service.service_id);

    r.phase("Phase 7: Testing payment flow...");
    const results = await checkSettlement(
      ctx,
      r,
      run,
      { ...customer, before: customerBefore },
      { ...provider, before: providerBefore },
    );
    const ledgerAfter = await checkLedger(ctx.admin, ctx.genesisSupply);
    r.check(
      ledgerAfter.ok,
      "the ledger invariant holds after the scenario",
      describeLedger(ledgerAfter),
    );

    r.phase("Phase 8: Testing review system...");
    await rateService(ctx, r, customer, service.service_id, provider.id);

    r.say("");
    r.say(`Test scenario completed successfully! (${r.checks} checks passed)`);
    return {
      providerId,
      serviceId,
      customerId,
      jobId: run.job.job_id,
      receiptCost: run.receipt.cost,
      settlementTx: results.payment.tx_hash!,
      ledgerBefore,
      ledgerAfter,
      checks: r.checks,
    };
  } finally {
    // The example's provider goes away with its miner, so its service leaves the market too.
    await miner?.stop();
    await retire?.().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await runFullScenario(loadStackContext());
  } catch (err) {
    console.error(`\n✗ ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
