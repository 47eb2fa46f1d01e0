// LLM services priced per 1,000 tokens: registration, browsing, the budget a job needs, the cost
// at completion, and the token counts a miner may bill (re-counted with the offline model's
// tokenizer, or bounded by max_tokens for a model the coordinator cannot tokenize).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  contentDigest,
  countTinyTokens,
  signReceipt,
  type CoordinatorTypes,
  type Receipt,
} from "@aitbc/sdk";
import { failure, serviceConfig, type Account, type Harness } from "./support/harness.js";
import { startMarket } from "./support/market.js";
import { TINY_MODEL, registerMiner, type TestMiner } from "./support/miner-double.js";

const OTHER_MODEL = { name: "llama3:8b", digest: "sha256:" + "cd".repeat(32), label: "other" };

const tokenPricing = (out: number, input?: number): CoordinatorTypes.PricingInput => ({
  currency: "AITBC",
  unit_type: "tokens",
  price_per_1k_output_tokens: out,
  ...(input !== undefined ? { price_per_1k_input_tokens: input } : {}),
});

describe.each(testDatabaseKinds())("token pricing (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    ({ h, provider, customer, miner } = await startMarket(kind, {
      provider: "llm-house",
      customer: "reader",
      service: "hourly-svc",
    }));
    // 0.0015 AITBC per 1k output tokens is 1.5 micro-AITBC (µ) a token: odd counts round up;
    // 0.001 AITBC per 1k input tokens is 1 µ a token.
    await provider.client.coordinator.registerService({
      body: serviceConfig("tokens-svc", { pricing: tokenPricing(0.0015, 0.001) }),
    });
    await provider.client.coordinator.registerService({
      body: serviceConfig("dear-tokens", { pricing: tokenPricing(2) }),
    });
  });
  afterAll(() => h.close());

  /** A receipt billing the given counts at the job's token prices, signed by the miner. */
  const tokenReceipt = (
    m: TestMiner,
    claim: CoordinatorTypes.Claim,
    text: string,
    tokensIn: number,
    tokensOut: number,
    cost: bigint,
  ): Receipt => {
    const job = claim.job;
    const req = job.requirements as { model: string; prompt: string };
    const now = Date.now();
    return signReceipt(
      {
        receipt_id: "r" + job.job_id.slice(1),
        job_id: job.job_id,
        service_id: job.service_id,
        provider_id: job.provider_id,
        customer_id: job.customer_id,
        miner_id: m.minerId,
        model: req.model,
        input_hash: contentDigest(req.prompt),
        output_hash: contentDigest(text),
        units: String(tokensOut),
        unit_type: "tokens",
        unit_price: job.pricing.unit_price,
        ...(job.pricing.input_unit_price !== undefined
          ? { input_unit_price: job.pricing.input_unit_price }
          : {}),
        cost: cost.toString(),
        tokens_in: tokensIn,
        tokens_out: tokensOut,
        started_at: new Date(now - 20).toISOString(),
        completed_at: new Date(now).toISOString(),
        chain_id: job.chain_id,
      },
      { secretKey: m.keys.secretKey, keyId: `provider:${job.provider_id}` },
    );
  };

  const complete = (
    m: TestMiner,
    claim: CoordinatorTypes.Claim,
    text: string,
    tokensIn: number,
    tokensOut: number,
    cost: bigint,
  ) =>
    provider.client.coordinator.completeJob({
      path: { job_id: claim.job.job_id },
      body: {
        lease_id: claim.lease.lease_id,
        output: { text, finish_reason: "stop" },
        metering: { duration_ms: 20, tokens_in: tokensIn, tokens_out: tokensOut },
        receipt: tokenReceipt(
          m,
          claim,
          text,
          tokensIn,
          tokensOut,
          cost,
        ) as CoordinatorTypes.Receipt,
      },
    });

  const submit = (prompt: string, maxTokens: number, maxCost: number, model = TINY_MODEL.name) =>
    customer.client.coordinator.createJob({
      body: {
        service_id: "tokens-svc",
        requirements: { task_type: "inference", model, prompt, max_tokens: maxTokens },
        budget: { max_cost: maxCost, currency: "AITBC" },
      },
    });

  it("registers a token price and shows it with its micro strings, without a rate per hour", async () => {
    const s = await customer.client.coordinator.getService({ path: { service_id: "tokens-svc" } });
    expect(s.pricing).toEqual({
      currency: "AITBC",
      unit_type: "tokens",
      unit_price: "1500",
      price_per_1k_output_tokens: 0.0015,
      price_per_1k_input_tokens: 0.001,
      input_unit_price: "1000",
    });
    const hourly = await customer.client.coordinator.getService({
      path: { service_id: "hourly-svc" },
    });
    expect(hourly.pricing).toEqual({
      currency: "AITBC",
      unit_type: "gpu_seconds",
      unit_price: "100000000",
      rate_per_hour: 100,
    });
  });

  it("refuses a price that mixes or lacks its kind, naming the field, and registers nothing", async () => {
    const bad: Array<[CoordinatorTypes.PricingInput, string]> = [
      [{ currency: "AITBC", unit_type: "tokens" }, "body.pricing.price_per_1k_output_tokens"],
      [{ ...tokenPricing(0.002), rate_per_hour: 5 }, "body.pricing.rate_per_hour"],
      [
        { currency: "AITBC", rate_per_hour: 5, price_per_1k_output_tokens: 0.002 },
        "body.pricing.price_per_1k_output_tokens",
      ],
      [{ currency: "AITBC" }, "body.pricing.rate_per_hour"],
      [tokenPricing(0.0000001), "body.pricing.price_per_1k_output_tokens"],
    ];
    for (const [pricing, field] of bad) {
      const err = await failure(() =>
        provider.client.coordinator.registerService({
          body: serviceConfig("bad-price", { pricing }),
        }),
      );
      expect(err).toMatchObject({ status: 400, code: "validation_failed" });
      expect(JSON.stringify(err.problem.errors)).toContain(field);
    }
    const gone = await failure(() =>
      customer.client.coordinator.getService({ path: { service_id: "bad-price" } }),
    );
    expect(gone.status).toBe(404);
  });

  it("filters by unit type and token price; per-hour bounds leave token prices out", async () => {
    const ids = async (query: CoordinatorTypes.ListServicesData["query"]) =>
      (await customer.client.coordinator.listServices({ query })).services
        .map((s) => s.service_id)
        .sort();
    expect(await ids({ unit_type: "tokens" })).toEqual(["dear-tokens", "tokens-svc"]);
    expect(await ids({ unit_type: "gpu_seconds" })).toEqual(["hourly-svc"]);
    expect(await ids({ max_price_per_1k_tokens: 0.002 })).toEqual(["tokens-svc"]);
    expect(await ids({ max_price: 1000 })).toEqual(["hourly-svc"]);
  });

  it("refuses a budget below the worst case: max_tokens output plus the counted input", async () => {
    const prompt = "hello the world";
    // 100 output tokens at 1.5 µ = 150 µ, plus the prompt's 7 tokens (h e l l o ▁the ▁world) at 1 µ.
    expect(countTinyTokens(prompt)).toBe(7);
    const worst = 157;
    const err = await failure(() => submit(prompt, 100, (worst - 1) / 1e6));
    expect(err).toMatchObject({ status: 422, code: "no_matching_service" });
    expect(err.problem.reasons).toEqual([
      expect.objectContaining({ filter: "budget", excluded: ["tokens-svc"] }),
    ]);
    expect(err.problem.reasons![0]!.message).toContain("0.000157 AITBC");
    const job = await submit(prompt, 100, worst / 1e6);
    expect(job.pricing).toMatchObject({
      unit_type: "tokens",
      unit_price: "1500",
      input_unit_price: "1000",
    });
    const claim = (await miner.claim(0))!;
    expect(claim.job.job_id).toBe(job.job_id);
    expect(claim.job.pricing).toEqual({
      unit_type: "tokens",
      unit_price: "1500",
      input_unit_price: "1000",
    });
    await complete(miner, claim, " the", 7, 1, 9n);
  });

  it("bills ceil per part at completion and pays exactly that", async () => {
    const prompt = "hello the model";
    const text = " the river is a light";
    const tokensIn = countTinyTokens(prompt);
    const tokensOut = countTinyTokens(text);
    expect(tokensOut).toBe(5);
    const job = await submit(prompt, 64, 1);
    const claim = (await miner.claim(0))!;
    // 5 × 1.5 µ = 7.5 → 8 µ; 7 input tokens × 1 µ = 7 µ.
    expect(tokensIn).toBe(7);
    const cost = 8n + 7n;
    const out = await complete(miner, claim, text, tokensIn, tokensOut, cost);
    expect(out.receipt).toMatchObject({ unit_type: "tokens", units: "5", cost: "15" });
    const done = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
    expect(done.payment).toMatchObject({ paid: 0.000015, refund: 0.999985 });
  });

  it("refuses an inflated token count with 422 naming the field, then takes the honest one", async () => {
    const prompt = "tell me of the sea";
    const text = " the sea is old";
    const job = await submit(prompt, 64, 1);
    const claim = (await miner.claim(0))!;
    const tokensIn = countTinyTokens(prompt);
    expect(tokensIn).toBe(8);
    // 40 tokens are within max_tokens and within the text's bytes + 64: only a re-count shows them.
    const err = await failure(() => complete(miner, claim, text, tokensIn, 40, 60n + 8n));
    expect(err).toMatchObject({ status: 422, code: "receipt_invalid" });
    expect(err.problem.errors).toEqual([
      expect.objectContaining({ field: "body.metering.tokens_out" }),
    ]);
    expect(err.message).toContain(
      "the tokens of output.text by the tokenizer of aitbc-tiny:latest",
    );
    const held = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
    expect(held.status).toBe("assigned");
    expect(held.payment.paid).toBeNull();
    await complete(miner, claim, text, tokensIn, 4, 6n + 8n);
    const done = await customer.client.coordinator.getJobStatus({ path: { job_id: job.job_id } });
    expect(done.payment.paid).toBe(0.000014);
  });

  it("refuses a receipt that bills per hour for a token-priced job", async () => {
    await submit("hello", 10, 1);
    const claim = (await miner.claim(0))!;
    const err = await failure(() => miner.complete(claim, " the", 100));
    expect(err).toMatchObject({ status: 422, code: "receipt_invalid" });
    const fields = (err.problem.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.receipt.unit_type", "body.receipt.units", "body.receipt.cost"]),
    );
    await complete(miner, claim, " the", 5, 1, 2n + 5n);
  });

  it("bounds the output tokens by max_tokens for a model it cannot tokenize", async () => {
    const other = await registerMiner(provider, { models: [TINY_MODEL, OTHER_MODEL] });
    await submit("Bonjour", 8, 1, OTHER_MODEL.name);
    const claim = (await other.claim(0))!;
    expect(claim).toBeDefined();
    const text = "x".repeat(200);
    // 9 × 1.5 µ = 13.5 → 14 µ, + 3 input tokens at 1 µ.
    const err = await failure(() => complete(other, claim, text, 3, 9, 17n));
    expect(err).toMatchObject({ status: 422, code: "receipt_invalid" });
    expect(JSON.stringify(err.problem.errors)).toContain("body.metering.tokens_out");
    const out = await complete(other, claim, text, 3, 8, 15n);
    expect(out.receipt.cost).toBe("15");
  });
});
