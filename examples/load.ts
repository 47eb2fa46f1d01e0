// A load run over the whole market: real providers with
// their own services and miners, real funded customers, every job followed to its end. It reports
// jobs/s, p50 and p99 submit→complete latency, jobs lost (must be 0), and the ledger invariant.
// With `--funding deposit` every customer first locks a prepaid deposit covering all its jobs,
// and its jobs are reserved against it instead of each locking an escrow on chain.
// Run: npx tsx examples/load.ts [--customers 10] [--providers 5] [--jobs-per-customer 2] [--funding escrow|deposit]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pollUntil, streamJobEvents, toMicro, type CoordinatorTypes } from "@aitbc/sdk";
import { loadStackContext, type StackContext } from "./phases/context.js";
import { checkLedger, describeLedger, type LedgerReport } from "./phases/ledger.js";
import type { MinerProcess } from "./phases/miner-process.js";
import {
  OFFLINE_MODEL,
  postBond,
  retireService,
  exampleServiceConfig,
  startProviderMiner,
  type Provider,
} from "./phases/provider-setup.js";
import { consoleReporter, runId, waitFor, type Reporter } from "./phases/report.js";

export interface LoadOptions {
  customers: number;
  providers: number;
  jobsPerCustomer: number;
  maxTokens: number;
  budget: number;
  /** How every job is paid: a per-job escrow (default) or the customer's prepaid deposit. */
  funding?: "escrow" | "deposit";
}

export interface LoadReport {
  submitted: number;
  completed: number;
  failed: number;
  lost: number;
  wallSeconds: number;
  jobsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  settled: number;
  ledgerBefore: LedgerReport;
  ledgerAfter: LedgerReport;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

interface JobOutcome {
  jobId: string;
  status: string;
  latencyMs: number;
  /** submit → 201 (the escrow lock is in a block, or the deposit reservation is written). */
  createMs: number;
  /** 201 → assigned to a miner. */
  waitMs: number;
  /** assigned → result event. */
  runMs: number;
}

async function followJob(
  ctx: StackContext,
  apiKey: string,
  body: CoordinatorTypes.CreateJobRequest,
): Promise<JobOutcome> {
  const client = ctx.as(apiKey);
  const started = performance.now();
  const job = await client.coordinator.createJob({ body });
  const created = performance.now();
  if (body.funding && job.payment.funding !== body.funding)
    throw new Error(`job ${job.job_id} is funded by ${job.payment.funding}, not ${body.funding}`);
  let assigned = created;
  let status = "lost";
  for await (const event of streamJobEvents(job.job_id, { client })) {
    if (event.type === "status" && event.data.status === "assigned") assigned = performance.now();
    if (event.type === "result") status = event.data.status;
  }
  const done = performance.now();
  return {
    jobId: job.job_id,
    status,
    latencyMs: done - started,
    createMs: created - started,
    waitMs: assigned - created,
    runMs: done - assigned,
  };
}

export async function simulateLoad(
  ctx: StackContext,
  r: Reporter,
  options: LoadOptions,
): Promise<LoadReport> {
  const id = runId();
  const miners: MinerProcess[] = [];
  const providers: Array<Provider & { serviceId: string }> = [];
  try {
    r.phase(
      `Load: ${options.customers} customers, ${options.providers} providers, ${options.jobsPerCustomer} job(s) per customer`,
    );
    const ledgerBefore = await checkLedger(ctx.admin, ctx.genesisSupply);
    r.check(ledgerBefore.ok, "ledger invariant before", describeLedger(ledgerBefore));

    // Providers, each with a service and its own miner process.
    for (let i = 0; i < options.providers; i++) {
      const created = await ctx.admin.coordinator.createAccount({
        body: { id: `load-provider-${id}-${i}`, name: `Load provider ${i}`, role: "provider" },
      });
      const provider: Provider = {
        id: created.id,
        name: created.name,
        api_key: created.api_key,
        address: created.address,
      };
      await postBond(ctx, r, provider);
      const service = await ctx
        .as(created.api_key)
        .coordinator.registerService({ body: exampleServiceConfig(`load-service-${id}-${i}`) });
      providers.push({ ...provider, serviceId: service.service_id });
    }
    r.step(`${providers.length} providers registered their services`);
    const quiet: Reporter = {
      ...r,
      say: () => {},
      step: () => {},
      detail: () => {},
      check: () => {},
    };
    for (const p of providers) {
      miners.push(
        await startProviderMiner(
          ctx,
          quiet,
          p,
          p.serviceId,
          join(tmpdir(), "aitbc-load", `${id}-${p.id}`),
        ),
      );
    }
    r.step(`${miners.length} miners online, serving ${OFFLINE_MODEL}`);

    // Customers, each funded with enough for its jobs.
    const grant = options.budget * options.jobsPerCustomer + 1;
    const customers: CoordinatorTypes.CreatedAccount[] = [];
    for (let i = 0; i < options.customers; i++) {
      const created = await ctx.admin.coordinator.createAccount({
        body: { id: `load-customer-${id}-${i}`, name: `Load customer ${i}`, role: "customer" },
      });
      await ctx.admin.node.requestFaucet({ body: { address: created.address, amount: grant } });
      customers.push(created);
    }
    await waitFor(
      "every customer's faucet grant",
      async () => {
        const balances = await Promise.all(
          customers.map((c) => ctx.as(c.api_key).wallet.getBalance()),
        );
        return balances.every((b) => BigInt(b.balance_micro) === toMicro(grant)) ? true : undefined;
      },
      60_000,
    );
    r.step(`${customers.length} customers funded with ${grant} AITBC each`);
    const funding = options.funding ?? "escrow";
    if (funding === "deposit") {
      // Each deposit covers all its customer's jobs at once; the coordinator reserves only
      // against a final deposit, so wait for that before submitting.
      const amount = options.budget * options.jobsPerCustomer;
      await Promise.all(
        customers.map(async (c) => {
          const locked = await ctx.as(c.api_key).wallet.lockDeposit({ body: { amount } });
          await pollUntil(
            async () => {
              const deposit = await ctx.admin.node.getDeposit({ path: { address: c.address } });
              return BigInt(deposit.finalized.amount_micro) >= BigInt(locked.amount_micro)
                ? true
                : undefined;
            },
            { timeoutMs: 60_000, what: `the deposit of ${c.id} to be final` },
          );
        }),
      );
      r.step(`${customers.length} customers locked a deposit of ${amount} AITBC each`);
    }

    // Every customer submits its jobs at once, each to a random provider's service, as real
    // customers spread over the market would.
    const started = performance.now();
    const outcomes = await Promise.all(
      customers.flatMap((c) =>
        Array.from({ length: options.jobsPerCustomer }, (_, j) => {
          const provider = providers[Math.floor(Math.random() * providers.length)]!;
          return followJob(ctx, c.api_key, {
            service_id: provider.serviceId,
            requirements: {
              task_type: "inference",
              model: OFFLINE_MODEL,
              prompt: `load test ${c.id} job ${j}`,
              max_tokens: options.maxTokens,
              temperature: 0,
            },
            budget: { max_cost: options.budget, currency: "AITBC" },
            ttl_seconds: 600,
            funding,
          }).catch((err: unknown): JobOutcome => ({
            jobId: `(not created: ${(err as Error).message})`,
            status: "lost",
            latencyMs: 0,
            createMs: 0,
            waitMs: 0,
            runMs: 0,
          }));
        }),
      ),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const completed = outcomes.filter((o) => o.status === "completed");
    const failed = outcomes.filter((o) => o.status !== "completed" && o.status !== "lost");
    const lost = outcomes.filter((o) => o.status === "lost");
    const latencies = completed.map((o) => o.latencyMs).sort((a, b) => a - b);

    // Every completed job must also be paid for on the chain.
    const settled = await waitFor(
      "every payment to settle",
      async () => {
        const payments = await Promise.all(
          completed.map((o) =>
            ctx.admin.coordinator
              .getJobResults({ path: { job_id: o.jobId } })
              .then((res) => res.payment.status),
          ),
        );
        return payments.every((p) => p === "settled") ? payments.length : undefined;
      },
      120_000,
    );
    const ledgerAfter = await checkLedger(ctx.admin, ctx.genesisSupply);
    const report: LoadReport = {
      submitted: outcomes.length,
      completed: completed.length,
      failed: failed.length,
      lost: lost.length,
      wallSeconds,
      jobsPerSecond: completed.length / wallSeconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      settled,
      ledgerBefore,
      ledgerAfter,
    };
    r.step(
      `jobs: ${report.submitted} submitted, ${report.completed} completed, ${report.failed} failed, ${report.lost} lost`,
    );
    r.step(
      `throughput: ${report.jobsPerSecond.toFixed(2)} jobs/s over ${wallSeconds.toFixed(1)} s`,
    );
    r.step(
      `submit→complete latency: p50 ${Math.round(report.p50Ms)} ms, p99 ${Math.round(report.p99Ms)} ms`,
    );
    const p50 = (pick: (o: JobOutcome) => number) =>
      Math.round(
        percentile(
          completed.map(pick).sort((a, b) => a - b),
          50,
        ),
      );
    r.step(
      `where the time goes (p50): submit→created ${p50((o) => o.createMs)} ms ` +
        `(${funding === "deposit" ? "deposit reservation" : "escrow lock in a block"}), ` +
        `created→assigned ${p50((o) => o.waitMs)} ms (queue), assigned→result ${p50((o) => o.runMs)} ms (run + receipt)`,
    );
    r.step(`payments settled: ${settled} of ${completed.length}`);
    for (const o of [...failed, ...lost]) r.detail(`${o.jobId}: ${o.status}`);
    r.check(report.lost === 0 && report.failed === 0, "every job completed (0 lost)");
    r.check(
      ledgerAfter.ok &&
        ledgerAfter.supply - ledgerBefore.supply === toMicro(grant) * BigInt(customers.length),
      "ledger invariant after the load, with supply grown by exactly the faucet grants",
      describeLedger(ledgerAfter),
    );
    return report;
  } finally {
    await Promise.all(miners.map((m) => m.stop()));
    await Promise.all(
      providers.map((p) => retireService(ctx, p, p.serviceId).catch(() => undefined)),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: "10" },
      providers: { type: "string", default: "5" },
      "jobs-per-customer": { type: "string", default: "2" },
      "max-tokens": { type: "string", default: "32" },
      funding: { type: "string", default: "escrow" },
    },
  });
  if (values.funding !== "escrow" && values.funding !== "deposit") {
    console.error(`--funding: expected escrow or deposit, got ${values.funding}`);
    process.exit(2);
  }
  try {
    await simulateLoad(loadStackContext(), consoleReporter(), {
      customers: Number(values.customers),
      providers: Number(values.providers),
      jobsPerCustomer: Number(values["jobs-per-customer"]),
      maxTokens: Number(values["max-tokens"]),
      budget: 5,
      funding: values.funding,
    });
  } catch (err) {
    console.error(`\n✗ ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
