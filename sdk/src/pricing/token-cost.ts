// What a token-priced job costs (spec: completeJob). Prices are micro-AITBC per 1,000 tokens;
// each part is rounded up to the next micro-AITBC, so a provider is never paid less than its
// price for a token and the customer never more than one micro-AITBC over it, per part.

/** The output length a job that gives no `max_tokens` is bounded by (the miners' default). */
export const DEFAULT_MAX_TOKENS = 128;

export interface TokenPrices {
  /** Micro-AITBC per 1,000 output tokens. */
  outputPer1kMicro: bigint;
  /** Micro-AITBC per 1,000 input tokens; input is free when absent. */
  inputPer1kMicro?: bigint | undefined;
}

/** ceil(tokens × price ÷ 1,000) in micro-AITBC. */
export function tokenPartCost(tokens: number, pricePer1kMicro: bigint): bigint {
  if (!Number.isInteger(tokens) || tokens < 0)
    throw new RangeError(`tokens: expected a non-negative integer, got ${tokens}`);
  return (BigInt(tokens) * pricePer1kMicro + 999n) / 1000n;
}

/** The uncapped cost of `tokensIn` input and `tokensOut` output tokens. */
export function tokenCost(prices: TokenPrices, tokensIn: number, tokensOut: number): bigint {
  return (
    tokenPartCost(tokensOut, prices.outputPer1kMicro) +
    (prices.inputPer1kMicro ? tokenPartCost(tokensIn, prices.inputPer1kMicro) : 0n)
  );
}

/** What the customer pays: the cost, never above the budget. */
export function meteredTokenCost(
  prices: TokenPrices,
  tokensIn: number,
  tokensOut: number,
  budgetMicro: bigint,
): bigint {
  const cost = tokenCost(prices, tokensIn, tokensOut);
  return cost < budgetMicro ? cost : budgetMicro;
}

/**
 * The most output tokens a budget pays for after the input: the largest n with
 * input cost + ceil(n × price ÷ 1,000) ≤ budget (0 when the input alone uses it up).
 */
export function maxOutputTokensForBudget(
  prices: TokenPrices,
  tokensIn: number,
  budgetMicro: bigint,
): number {
  const left = budgetMicro - tokenCost({ ...prices, outputPer1kMicro: 0n }, tokensIn, 0);
  if (left <= 0n) return 0;
  const n = (left * 1000n) / prices.outputPer1kMicro;
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}
