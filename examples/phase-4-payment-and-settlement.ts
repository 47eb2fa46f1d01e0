// Seed phase 4, Payment and Settlement: the automatic payment on the chain (on every node), what
// the provider received, and the customer's rating. Takes a job id (default: the dev customer's
// latest completed job). Run: npx tsx examples/phase-4-payment-and-settlement.ts [job_id]
import { loadStackContext } from "./phases/context.js";
import { consoleReporter } from "./phases/report.js";
import { rateService, verifySettlement } from "./phases/settlement.js";

const ctx = loadStackContext();
const r = consoleReporter();
const { customer, provider } = ctx.credentials;
try {
  const client = ctx.as(customer.api_key);
  const jobId =
    process.argv[2] ??
    (await client.coordinator.listJobs({ query: { status: "completed", limit: 1 } })).jobs[0]
      ?.job_id;
  if (!jobId)
    throw new Error("No completed job yet: run examples/phase-3-purchase-and-execution.ts first.");
  r.phase(`4.1 Automatic payment processing (job ${jobId})`);
  const { results } = await verifySettlement(ctx, r, customer.api_key, jobId);
  r.phase("4.2 Provider receives payment");
  const balance = await ctx.as(provider.api_key).wallet.getBalance();
  r.step(
    `GET /api/v1/wallet/balance (provider key) → {"balance": ${balance.balance}, "currency": "${balance.currency}"}`,
  );
  r.check(
    balance.balance >= (results.payment.paid ?? 0),
    "the provider holds at least what this job paid",
  );
  r.phase("4.3 Rate and review");
  const reviewed = await client.coordinator.listServiceReviews({
    path: { service_id: provider.service_id },
    query: { limit: 100 },
  });
  if (reviewed.reviews.some((rv) => rv.job_id === jobId)) r.step("This job is already reviewed.");
  else await rateService(ctx, r, customer, provider.service_id, provider.id);
} catch (err) {
  console.error(`\n✗ ${(err as Error).message}`);
  process.exitCode = 1;
}
