// A token-priced LLM service on the real miner and coordinator: the miner runs the offline model
// and bills the tokens of the texts (never more than it generated), and the coordinator, which
// re-counts them with the same tokenizer, countersigns and pays exactly that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { countTinyTokens, fromMicro, tokenCost, verifyReceipt, type Receipt } from "@aitbc/sdk";
import { billTokens, tokenJobMaxTokens } from "../src/agent/token-billing.js";
import { followJob, startStack, submitJob, type Stack } from "./support/stack-harness.js";

const PRICES = { outputPer1kMicro: 2000n, inputPer1kMicro: 1000n };

describe("token billing", () => {
  it("bills the texts' tokens, never more than the executor counted", () => {
    const text = " the river is a light";
    expect(countTinyTokens(text)).toBe(5);
    // The sampler emitted a word in pieces: 7 tokens for a 5-token text.
    const bill = billTokens(
      "aitbc-tiny:latest",
      "hello",
      text,
      { tokensIn: 6, tokensOut: 7 },
      PRICES,
      1_000_000n,
    );
    expect(bill).toEqual({ tokensIn: 5, tokensOut: 5, cost: 10n + 5n });
    // A model the SDK cannot tokenize: the executor's counts.
    const other = billTokens(
      "llama3:8b",
      "hello",
      text,
      { tokensIn: 6, tokensOut: 7 },
      PRICES,
      1_000_000n,
    );
    expect(other).toMatchObject({ tokensIn: 6, tokensOut: 7, cost: 14n + 6n });
    // Never above the budget.
    expect(
      billTokens("llama3:8b", "hello", text, { tokensIn: 6, tokensOut: 7 }, PRICES, 9n).cost,
    ).toBe(9n);
  });

  it("stops output where the budget ends after the input", () => {
    // hello = 5 input tokens = 5 µ; 2 µ per output token: 25 µ pay for 10 of them.
    expect(tokenJobMaxTokens("aitbc-tiny:latest", "hello", 64, PRICES, 25n)).toBe(10);
    expect(tokenJobMaxTokens("aitbc-tiny:latest", "hello", 8, PRICES, 25n)).toBe(8);
    expect(tokenJobMaxTokens("aitbc-tiny:latest", "hello", undefined, PRICES, 10_000n)).toBe(128);
  });
});

describe.each(testDatabaseKinds())("token-priced jobs on the miner (%s)", (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(kind);
    await stack.addService("llm-tokens", {
      currency: "AITBC",
      unit_type: "tokens",
      price_per_1k_output_tokens: 0.002,
      price_per_1k_input_tokens: 0.001,
    });
  });
  afterAll(() => stack?.close());

  it("completes with a tokens receipt the coordinator countersigns, and pays its cost", async () => {
    await stack.miner();
    const prompts = ["Hello AITBC", "tell me of the river", "the world is old"];
    for (const prompt of prompts) {
      const job = await submitJob(stack, {
        serviceId: "llm-tokens",
        prompt,
        maxTokens: 40,
        budget: 1,
      });
      expect(job.pricing).toMatchObject({
        unit_type: "tokens",
        unit_price: "2000",
        input_unit_price: "1000",
      });
      const events = await followJob(stack, job.job_id).events;
      const data = events.at(-1)!.data as {
        status: string;
        output: { text: string };
        receipt: Receipt;
      };
      expect(data.status).toBe("completed");
      const r = data.receipt;
      expect(verifyReceipt(r).valid).toBe(true);
      expect(r).toMatchObject({
        unit_type: "tokens",
        unit_price: "2000",
        input_unit_price: "1000",
      });
      expect(r.tokens_out).toBeLessThanOrEqual(countTinyTokens(data.output.text));
      expect(r.tokens_out).toBeGreaterThan(0);
      expect(r.tokens_in).toBeLessThanOrEqual(countTinyTokens(prompt));
      expect(r.units).toBe(String(r.tokens_out));
      expect(r.cost).toBe(tokenCost(PRICES, r.tokens_in!, r.tokens_out!).toString());
      const done = await stack.customer.client.coordinator.getJobStatus({
        path: { job_id: job.job_id },
      });
      expect(done.payment.paid).toBe(fromMicro(BigInt(r.cost)));
    }
  });
});
