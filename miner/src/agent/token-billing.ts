// What a miner bills for a job priced per 1,000 tokens (spec: completeJob). For a model whose
// tokenizer the SDK has, the counts are those of the texts under it, never more than the
// executor counted: the coordinator re-counts them and refuses anything above. A sampler that
// emits a word in pieces used more tokens than the text holds; the customer pays for the text.
import {
  DEFAULT_MAX_TOKENS,
  maxOutputTokensForBudget,
  meteredTokenCost,
  tokenCounterFor,
  type TokenPrices,
} from "@aitbc/sdk";

export interface TokenBill {
  tokensIn: number;
  tokensOut: number;
  cost: bigint;
}

/** The slack the coordinator allows the input count of a model it cannot tokenize. */
const INPUT_SLACK = 64;

/** The output limit of a token-priced job: its max_tokens, and what the budget pays for. */
export function tokenJobMaxTokens(
  model: string,
  prompt: string,
  maxTokens: number | undefined,
  prices: TokenPrices,
  budget: bigint,
): number {
  const count = tokenCounterFor(model);
  // Before the run the input count is the coordinator's worst case for it.
  const inputEstimate = count ? count(prompt) : Buffer.byteLength(prompt, "utf8") + INPUT_SLACK;
  const affordable = maxOutputTokensForBudget(prices, inputEstimate, budget);
  // At least one: an executor may read a limit of 0 as none, and the cost is capped at the budget.
  return Math.max(1, Math.min(maxTokens ?? DEFAULT_MAX_TOKENS, affordable));
}

export function billTokens(
  model: string,
  prompt: string,
  text: string,
  counted: { tokensIn: number; tokensOut: number },
  prices: TokenPrices,
  budget: bigint,
): TokenBill {
  const count = tokenCounterFor(model);
  const tokensIn = count ? Math.min(count(prompt), counted.tokensIn) : counted.tokensIn;
  const tokensOut = count ? Math.min(count(text), counted.tokensOut) : counted.tokensOut;
  return { tokensIn, tokensOut, cost: meteredTokenCost(prices, tokensIn, tokensOut, budget) };
}
