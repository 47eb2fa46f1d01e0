// Seed phase 3, Service Purchase and Execution: get AITBC, submit an inference job with a budget,
// follow it live over the WebSocket, get the results and verify the receipt. Uses the dev stack's
// customer and service. Run: npx tsx examples/phase-3-purchase-and-execution.ts
import { loadStackContext } from "./phases/context.js";
import { buyCredits, runInferenceJob } from "./phases/purchase-and-run.js";
import { consoleReporter } from "./phases/report.js";

const ctx = loadStackContext();
const r = consoleReporter();
const customer = ctx.credentials.customer;
try {
  r.phase("3.1 Purchase service credits");
  await buyCredits(ctx, r, customer, 1000);
  r.phase("3.2–3.4 Create the job, monitor it, receive the results");
  const run = await runInferenceJob(ctx, r, customer, ctx.credentials.provider.service_id, {
    prompt: "Hello AITBC",
    budget: 250,
  });
  console.log(`\nNext: npx tsx examples/phase-4-payment-and-settlement.ts ${run.job.job_id}`);
} catch (err) {
  console.error(`\n✗ ${(err as Error).message}`);
  process.exitCode = 1;
}
