import { describe, expect, it } from "vitest";
import {
  countTinyTokens,
  maxOutputTokensForBudget,
  meteredTokenCost,
  tokenCost,
  tokenCounterFor,
  tokenPriceLabel,
} from "../src/index.js";

describe("token cost", () => {
  it("rounds each part up to the next micro-AITBC", () => {
    // 1,500 micro per 1k output = 1.5 micro a token: 3 tokens are 4.5, billed 5.
    expect(tokenCost({ outputPer1kMicro: 1500n }, 0, 3)).toBe(5n);
    expect(tokenCost({ outputPer1kMicro: 2000n }, 10, 64)).toBe(128n);
    // input 10 tokens at 1 micro per 1k = 0.01 micro, billed 1.
    expect(tokenCost({ outputPer1kMicro: 2000n, inputPer1kMicro: 1n }, 10, 64)).toBe(129n);
    expect(tokenCost({ outputPer1kMicro: 2000n, inputPer1kMicro: 1000n }, 0, 0)).toBe(0n);
  });

  it("never charges above the budget", () => {
    expect(meteredTokenCost({ outputPer1kMicro: 2_000_000n }, 0, 100, 150_000n)).toBe(150_000n);
  });

  it("tells how many output tokens a budget pays for after the input", () => {
    const prices = { outputPer1kMicro: 2000n, inputPer1kMicro: 1000n };
    const n = maxOutputTokensForBudget(prices, 10, 100n);
    expect(tokenCost(prices, 10, n)).toBeLessThanOrEqual(100n);
    expect(tokenCost(prices, 10, n + 1)).toBeGreaterThan(100n);
    expect(maxOutputTokensForBudget(prices, 1000, 1000n)).toBe(0);
  });
});

describe("tiny tokenizer", () => {
  it("makes one token of a known word with its space and one per other character", () => {
    expect(countTinyTokens(" the river")).toBe(2);
    expect(countTinyTokens("the")).toBe(3);
    // `▁thex` is no piece: `▁the` then `x`.
    expect(countTinyTokens(" thex")).toBe(2);
    // é is not in the vocabulary: two byte tokens.
    expect(countTinyTokens(" é")).toBe(3);
    expect(countTinyTokens("")).toBe(0);
  });

  it("is known for the offline model only", () => {
    expect(tokenCounterFor("aitbc-tiny:latest")).toBe(countTinyTokens);
    expect(tokenCounterFor("llama3:8b")).toBeUndefined();
  });
});

describe("price labels", () => {
  it("write a token price per 1k tokens and nothing for an hourly one", () => {
    expect(tokenPriceLabel({ unit_type: "tokens", unit_price: "2000" })).toBe(
      "0.002 AITBC / 1k output tokens",
    );
    expect(
      tokenPriceLabel({ unit_type: "tokens", unit_price: "2000", input_unit_price: "500" }),
    ).toBe("0.002 AITBC / 1k output tokens + 0.0005 AITBC / 1k input tokens");
    expect(tokenPriceLabel({ unit_type: "gpu_seconds", unit_price: "100000000" })).toBeUndefined();
  });
});
