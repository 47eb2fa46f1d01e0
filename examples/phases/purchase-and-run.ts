// Phase 3: the customer gets AITBC, submits a job with a budget, follows it live,
// and receives the results with a receipt it verifies itself.
import {
  InsufficientFundsError,
  receiptHash,
  streamJobEvents,
  toMicro,
  UnprocessableError,
  ValidationError,
  verifyReceipt,
  type CoordinatorTypes,
  type JobEvent,
  type Receipt,
} from "@aitbc/sdk";
import { balanceOf, show } from "./balances.js";
import type { StackContext } from "./context.js";
import { waitFor, type Reporter } from "./report.js";

export interface Customer {
  id: string;
  api_key: string;
  address: string;
}

export async function setupCustomer(
  ctx: StackContext,
  r: Reporter,
  id: string,
  name: string,
): Promise<Customer> {
  const created = await ctx.admin.coordinator.createAccount({
    body: { id, name, role: "customer" },
  });
  r.step(`Customer "${name}" registered: id ${created.id}, chain address ${created.address}`);
  return { id: created.id, api_key: created.api_key, address: created.address };
}

/**
 * 3.1 Purchase service credits: 1000 AITBC for testnet BTC on the exchange (1 BTC =
 * 100,000 AITBC). On the dev stack the Bitcoin network is the exchange's fake, where "sending"
 * the BTC is one POST. Without an exchange, the dev faucet (admin key) stands in.
 */
export async function buyCredits(
  ctx: StackContext,
  r: Reporter,
  customer: Customer,
  amount = 1000,
): Promise<bigint> {
  const client = ctx.as(customer.api_key);
  const before = await balanceOf(client);
  if (ctx.urls.exchange && ctx.urls.fake_bitcoin) {
    const rates = await client.exchange.getRates();
    const order = await client.exchange.createOrder({
      body: { amount_aitbc: amount, payment_method: "bitcoin_testnet" },
    });
    r.step(
      `GET /api/v1/rates → 1 BTC = ${rates.aitbc_per_btc} AITBC (${rates.sats_per_aitbc} sats per AITBC)`,
    );
    r.step(
      `POST /api/v1/orders → order ${order.order_id}: send ${order.amount_btc} BTC (${order.amount_sats} sats) to ${order.deposit_address}`,
    );
    r.check(
      order.amount_sats === amount * 1000,
      "1000 sats per AITBC, the exchange's fixed rate",
      `${order.amount_sats} sats`,
    );
    const paid = await fetch(`${ctx.urls.fake_bitcoin}/_fake/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ address: order.deposit_address, sats: order.amount_sats }),
    }).then((res) => res.json() as Promise<{ txid: string }>);
    await fetch(`${ctx.urls.fake_bitcoin}/_fake/mine`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    r.step(`Paid on the (fake) Bitcoin testnet: txid ${paid.txid}, mined into a block`);
    const minted = await waitFor(
      "the exchange to mint the AITBC",
      async () => {
        const o = await client.exchange.getOrder({ path: { order_id: order.order_id } });
        return o.status === "minted" ? o : undefined;
      },
      30_000,
    );
    r.step(`Order ${minted.status}: mint tx ${minted.mint_tx_hash}`);
  } else {
    const grant = await ctx.admin.node.requestFaucet({
      body: { address: customer.address, amount },
    });
    r.step(
      `No exchange in this stack: the dev faucet grants ${amount} AITBC to ${customer.address} (tx ${grant.tx_hash})`,
    );
  }
  const after = await waitFor(
    "the AITBC to arrive",
    async () => {
      const b = await balanceOf(client);
      return b.spendable === before.spendable + toMicro(amount) ? b : undefined;
    },
    20_000,
  );
  const wire = await client.wallet.getBalance();
  r.step(
    `GET /api/v1/wallet/balance → {"balance": ${wire.balance}, "currency": "${wire.currency}"}`,
  );
  r.check(
    after.spendable - before.spendable === toMicro(amount),
    `the balance grew by exactly ${amount} AITBC`,
  );
  return after.spendable;
}

/** Requests that must be refused without moving any money. */
export async function checkRefusals(
  ctx: StackContext,
  r: Reporter,
  customer: Customer,
  serviceId: string,
): Promise<void> {
  const client = ctx.as(customer.api_key);
  const before = await balanceOf(client);
  const job = (max_cost: number): CoordinatorTypes.CreateJobRequest => ({
    service_id: serviceId,
    requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "should not run" },
    budget: { max_cost, currency: "AITBC" },
  });
  const negative = await client.coordinator.createJob({ body: job(-5) }).catch((e: unknown) => e);
  r.check(
    negative instanceof ValidationError,
    "a negative budget is refused (400 validation_failed)",
  );
  const tooMuch = await client.coordinator
    .createJob({ body: job(1_000_000) })
    .catch((e: unknown) => e);
  r.check(
    tooMuch instanceof InsufficientFundsError,
    "a budget above the balance is refused (402 insufficient_funds)",
  );
  const review = await client.coordinator
    .rateService({ path: { service_id: serviceId }, body: { rating: 5, review: "too early" } })
    .catch((e: unknown) => e);
  r.check(
    review instanceof UnprocessableError && review.code === "review_not_allowed",
    "a review without a completed job is refused (422 review_not_allowed)",
  );
  const noModel = await client.coordinator
    .createJob({
      body: {
        ...job(5),
        service_id: undefined,
        requirements: { task_type: "inference", model: "llama3.2:latest", prompt: "x" },
      },
    })
    .catch((e: unknown) => e);
  r.check(
    noModel instanceof UnprocessableError && noModel.code === "no_matching_service",
    "a model no miner serves gets 422 no_matching_service with reasons",
    noModel instanceof UnprocessableError
      ? noModel.reasons.map((x) => x.message).join("; ")
      : String(noModel),
  );
  const after = await balanceOf(client);
  r.check(
    after.spendable === before.spendable && after.locked === before.locked,
    "no money moved",
    show(after.spendable),
  );
}

export interface JobRun {
  job: CoordinatorTypes.Job;
  events: JobEvent[];
  streamedText: string;
  results: CoordinatorTypes.JobResults;
  receipt: Receipt;
  submittedAt: number;
  completedAt: number;
}

/** 3.2–3.4: submit, watch the stream, get the results and verify the receipt. */
export async function runInferenceJob(
  ctx: StackContext,
  r: Reporter,
  customer: Customer,
  serviceId: string,
  options: { prompt: string; budget: number; maxTokens?: number },
): Promise<JobRun> {
  const client = ctx.as(customer.api_key);
  const before = await balanceOf(client);
  const submittedAt = performance.now();
  const job = await client.coordinator.createJob({
    body: {
      service_id: serviceId,
      customer_id: customer.id,
      requirements: {
        task_type: "inference",
        model: "aitbc-tiny:latest",
        prompt: options.prompt,
        max_tokens: options.maxTokens ?? 48,
        temperature: 0,
      },
      budget: { max_cost: options.budget, currency: "AITBC" },
      ttl_seconds: 900,
    },
  });
  r.step("✅ Job submitted successfully!");
  r.step(`   Job ID: ${job.job_id}`);
  r.check(
    job.status === "queued" && job.payment.status === "locked",
    `the budget of ${options.budget} AITBC is locked in escrow`,
    `lock tx ${job.payment.lock_tx_hash}`,
  );
  const locked = await balanceOf(client);
  r.check(
    before.spendable - locked.spendable === toMicro(options.budget),
    "the customer's spendable balance dropped by exactly the budget",
    `${show(before.spendable)} → ${show(locked.spendable)}`,
  );

  const events: JobEvent[] = [];
  let streamedText = "";
  for await (const event of streamJobEvents(job.job_id, { client })) {
    events.push(event);
    if (event.type === "status")
      r.detail(
        `[${event.seq}] ${event.data.status}${event.data.miner_id ? ` on ${event.data.miner_id}` : ""}`,
      );
    if (event.type === "progress" && event.data.kind === "token") streamedText += event.data.text;
    if (event.type === "result") r.detail(`[${event.seq}] result: ${event.data.status}`);
  }
  const completedAt = performance.now();
  r.step(
    `WebSocket /v1/jobs/${job.job_id}/stream: ${events.length} events, ${events.filter((e) => e.type === "progress").length} progress chunks`,
  );
  r.check(
    events.every((e, i) => e.seq === i + 1),
    "events arrived in order with no gaps (seq 1…n)",
  );
  const last = events.at(-1);
  r.check(
    last?.type === "result" && last.data.status === "completed",
    "the job completed",
    last?.type === "result" ? last.data.status : "no result event",
  );

  const results = await client.coordinator.getJobResults({ path: { job_id: job.job_id } });
  const output = results.result?.output.text ?? "";
  r.step(
    `GET /v1/jobs/${job.job_id}/results → ${results.result?.metering.tokens_out} tokens in ${results.result?.metering.duration_ms} ms`,
  );
  r.detail(
    `output: ${JSON.stringify(output.length > 120 ? output.slice(0, 117) + "…" : output)} (random-weight test model)`,
  );
  r.check(
    output.length > 0 && streamedText === output,
    "the streamed tokens are exactly the final output",
  );
  r.check(results.receipt !== null, "the results carry a receipt");
  const receipt = results.receipt as Receipt;

  // Verify the receipt independently: coordinator keys from GET /v1/keys, the provider key the
  // miner registered (admin view), and the hash anchored by the settlement.
  const { keys } = await client.coordinator.listKeys();
  const miners = await ctx.admin.coordinator.listAdminMiners({
    query: { provider_id: receipt.provider_id, limit: 100 },
  });
  const verification = verifyReceipt(receipt, {
    coordinatorKeys: keys.map((k) => k.public_key),
    providerKeys: miners.miners.map((m) => m.public_key),
  });
  r.check(
    verification.valid,
    "verifyReceipt: the provider's and the coordinator's ed25519 signatures are valid and trusted",
    verification.errors.join("; ") || receipt.signatures.map((s) => s.key_id).join(" + "),
  );
  r.check(
    results.receipt_hash === receiptHash(receipt),
    "receipt_hash is the sha256 of the receipt's canonical JSON",
  );
  const tampered = verifyReceipt(
    { ...receipt, cost: String(BigInt(receipt.cost) + 1n) },
    { coordinatorKeys: keys.map((k) => k.public_key) },
  );
  r.check(!tampered.valid, "a receipt with its cost changed by 1 micro-AITBC fails verification");
  return { job, events, streamedText, results, receipt, submittedAt, completedAt };
}

/** A model-training job_request: accepted, then cancelled and refunded in full. */
export async function trainingWorkloadJob(
  ctx: StackContext,
  r: Reporter,
  customer: Customer,
  serviceId: string,
): Promise<void> {
  const client = ctx.as(customer.api_key);
  const job = await client.coordinator.createJob({
    body: {
      service_id: serviceId,
      customer_id: customer.id,
      requirements: {
        task_type: "model_training",
        framework: "PyTorch",
        dataset_size: "10GB",
        estimated_duration: "2 hours",
      },
      budget: { max_cost: 250, currency: "AITBC" },
      ttl_seconds: 60,
    },
  });
  r.step(
    `POST /v1/jobs/create (a model_training job_request) → ${job.job_id}, ${job.status}, ${job.payment.amount} AITBC locked`,
  );
  for (const note of job.notes) r.detail(`note: ${note}`);
  const cancelled = await client.coordinator.cancelJob({ path: { job_id: job.job_id } });
  r.step(`POST /v1/jobs/${job.job_id}/cancel → ${cancelled.status}`);
  const refunded = await waitFor(
    "the cancelled job's refund",
    async () => {
      const res = await client.coordinator.getJobResults({ path: { job_id: job.job_id } });
      return res.payment.status === "refunded" ? res : undefined;
    },
    30_000,
  );
  const escrow = await ctx.admin.node.getEscrow({ path: { job_id: job.job_id } });
  r.check(
    refunded.payment.refund === 250 &&
      escrow.status === "refunded" &&
      escrow.refund_micro === "250000000" &&
      escrow.paid_micro === "0",
    "the whole 250 AITBC budget went back to the customer on chain",
    `escrow ${escrow.status}, refund tx ${escrow.release_tx_hash}`,
  );
}
