// Phase 4: the payment settles on the chain by itself, every node agrees on it, the
// provider is paid exactly the receipt's cost less the verification pool's fee, and the customer
// rates the service.
import {
  ConflictError,
  receiptHash,
  toMicro,
  type CoordinatorTypes,
  type Receipt,
} from "@aitbc/sdk";
import { balanceOf, show, type Balance } from "./balances.js";
import type { StackContext } from "./context.js";
import type { Customer, JobRun } from "./purchase-and-run.js";
import type { Provider } from "./provider-setup.js";
import { waitFor, type Reporter } from "./report.js";

/** 4.1: the payment settled by itself, on every node, anchoring the receipt; returns the results. */
export async function verifySettlement(
  ctx: StackContext,
  r: Reporter,
  customerKey: string,
  jobId: string,
): Promise<{ results: CoordinatorTypes.JobResults; cost: bigint; poolFee: bigint }> {
  const client = ctx.as(customerKey);
  const results = await waitFor(
    "the payment to settle",
    async () => {
      const res = await client.coordinator.getJobResults({ path: { job_id: jobId } });
      return res.payment.status === "settled" ? res : undefined;
    },
    30_000,
  );
  const receipt = results.receipt as Receipt;
  const cost = BigInt(receipt.cost);
  const job = await client.coordinator.getJobStatus({ path: { job_id: jobId } });
  const budget = toMicro(job.budget.max_cost);
  const { payment } = results;
  r.step(
    `Payment ${payment.status}: paid ${payment.paid} AITBC to ${receipt.provider_id}, refund ${payment.refund} AITBC (tx ${payment.tx_hash})`,
  );
  r.check(
    toMicro(payment.paid ?? 0) === cost,
    "the provider is paid exactly the receipt's cost",
    show(cost),
  );
  r.check(
    toMicro(payment.refund ?? 0) === budget - cost,
    "the customer gets the rest of the budget back",
    show(budget - cost),
  );
  r.check(cost <= budget, "the job cost no more than its budget");

  // The settlement transaction, looked up as a user with curl would (POST /api/v1/transaction/get),
  // on every node.
  const hash = receiptHash(receipt);
  const seen = await Promise.all(
    ctx.urls.nodes.map((url) =>
      waitFor(
        `the settlement tx on ${url}`,
        async () => {
          const tx = await ctx
            .nodeClient(url)
            .node.getTransaction({ body: { tx_hash: payment.tx_hash! } })
            .catch(() => undefined);
          return tx?.status === "confirmed" ? tx : undefined;
        },
        20_000,
      ),
    ),
  );
  for (const [i, tx] of seen.entries())
    r.detail(`${ctx.urls.nodes[i]}: ${tx.type} in block ${tx.block_height} (${tx.block_hash})`);
  r.check(
    new Set(seen.map((t) => t.block_hash)).size === 1,
    `every node (${seen.length}) has the settlement tx in the same block`,
  );
  const payload = seen[0]!.tx.payload as { receipt_hash?: string; job_id?: string };
  r.check(
    seen[0]!.type === "escrow_release" && payload.job_id === jobId && payload.receipt_hash === hash,
    "the escrow_release anchors the receipt's hash",
    hash,
  );
  const escrow = await ctx.admin.node.getEscrow({ path: { job_id: jobId } });
  r.check(
    escrow.status === "settled" && BigInt(escrow.paid_micro ?? "-1") === cost,
    "the chain's escrow record is settled with the same amounts",
  );
  const poolFee = BigInt(escrow.pool_fee_micro ?? "0");
  r.check(
    poolFee <= cost,
    "the verification fee comes out of what the provider is paid",
    `${show(poolFee)} to the verification pool`,
  );
  return { results, cost, poolFee };
}

/** 4.1 + 4.2: the settlement; the customer paid the receipt's cost, the provider got it less the pool fee. */
export async function checkSettlement(
  ctx: StackContext,
  r: Reporter,
  run: JobRun,
  customer: Customer & { before: Balance },
  provider: Pick<Provider, "id" | "api_key"> & { before: Balance },
): Promise<CoordinatorTypes.JobResults> {
  const { results, cost, poolFee } = await verifySettlement(
    ctx,
    r,
    customer.api_key,
    run.job.job_id,
  );
  const customerAfter = await balanceOf(ctx.as(customer.api_key));
  const providerAfter = await balanceOf(ctx.as(provider.api_key));
  r.step(
    `Customer: ${show(customer.before.spendable)} → ${show(customerAfter.spendable)}; provider: ${show(provider.before.spendable)} → ${show(providerAfter.spendable)}`,
  );
  r.check(
    customer.before.spendable - customerAfter.spendable === cost,
    "the customer paid exactly the receipt's cost",
  );
  r.check(
    providerAfter.spendable - provider.before.spendable === cost - poolFee,
    "the provider received exactly the receipt's cost less the verification fee",
  );
  return results;
}

/** 4.3: rate and review, and the reputation reflects it at once. */
export async function rateService(
  ctx: StackContext,
  r: Reporter,
  customer: Customer,
  serviceId: string,
  providerId: string,
): Promise<CoordinatorTypes.ProviderReputation> {
  const client = ctx.as(customer.api_key);
  const before = await client.coordinator.getProviderReputation({
    path: { provider_id: providerId },
  });
  const review = await client.coordinator.rateService({
    path: { service_id: serviceId },
    body: {
      rating: 5,
      review: "Excellent service! Fast execution and great results.",
      customer_id: customer.id,
    },
  });
  r.step(
    `POST /v1/services/${serviceId}/rate → review ${review.review_id} (${review.rating}★) for job ${review.job_id}`,
  );
  const after = await client.coordinator.getProviderReputation({
    path: { provider_id: providerId },
  });
  r.step(
    `Reputation of ${providerId}: rating ${after.rating_average} from ${after.rating_count} review(s), ${after.jobs_completed} job(s) completed, median ${after.median_duration_s} s`,
  );
  r.check(
    after.rating_count === before.rating_count + 1,
    "the review counts in the provider's reputation at once",
  );
  const twice = await client.coordinator
    .rateService({ path: { service_id: serviceId }, body: { rating: 1, review: "again" } })
    .catch((e: unknown) => e);
  r.check(
    twice instanceof ConflictError && twice.code === "already_reviewed",
    "a second review of the same job is refused (409 already_reviewed)",
  );
  return after;
}
