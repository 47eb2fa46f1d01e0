// Metering of token-priced jobs (spec: createJob, completeJob). The coordinator re-counts what
// it can: with the model's tokenizer when the SDK has it, else it bounds the counts by what the
// job allowed (max_tokens) and what the texts can hold.
import {
  DEFAULT_MAX_TOKENS,
  canonicalize,
  fromMicro,
  meteredTokenCost,
  tokenCost,
  tokenCounterFor,
  type TokenPrices,
} from "@aitbc/sdk";
import { isInference, type JobMetering, type JobRecord, type Requirements } from "./job-types.js";
import { meteredCost } from "./metering.js";
import type { PriceTerms } from "../services/pricing.js";

/**
 * Tokens a tokenizer may add beyond one per byte: BOS/EOS and a chat template's markers. Real
 * tokenizers produce fewer tokens than bytes, so this only keeps honest counts inside the bound.
 */
export const TOKEN_SLACK = 64;

export function jobInput(requirements: Requirements): string {
  return isInference(requirements) ? requirements.prompt : canonicalize(requirements);
}

export function tokenPrices(t: { rateMicro: bigint; inputPriceMicro: bigint | null }): TokenPrices {
  return {
    outputPer1kMicro: t.rateMicro,
    ...(t.inputPriceMicro !== null ? { inputPer1kMicro: t.inputPriceMicro } : {}),
  };
}

/** The output tokens a job may produce: its max_tokens, or the miners' default. */
export function outputTokenLimit(requirements: Requirements): number {
  return (isInference(requirements) ? requirements.max_tokens : undefined) ?? DEFAULT_MAX_TOKENS;
}

/** The model's token counter for an inference job, when the SDK knows its tokenizer. */
export function jobTokenCounter(
  requirements: Requirements,
): ((text: string) => number) | undefined {
  return isInference(requirements) ? tokenCounterFor(requirements.model) : undefined;
}

/** The most input tokens a job can be billed for. */
export function inputTokenLimit(requirements: Requirements): number {
  const input = jobInput(requirements);
  const count = jobTokenCounter(requirements);
  return count ? count(input) : Buffer.byteLength(input, "utf8") + TOKEN_SLACK;
}

/** The most a token-priced job can cost: its output limit plus its counted input. */
export function worstCaseTokenCost(requirements: Requirements, price: PriceTerms): bigint {
  return tokenCost(
    tokenPrices(price),
    inputTokenLimit(requirements),
    outputTokenLimit(requirements),
  );
}

export function describeWorstCase(requirements: Requirements, price: PriceTerms): string {
  return (
    `${outputTokenLimit(requirements)} output tokens` +
    (price.inputPriceMicro !== null ? ` + ${inputTokenLimit(requirements)} input tokens` : "") +
    ` cost up to ${fromMicro(worstCaseTokenCost(requirements, price))} AITBC`
  );
}

/** What a completed job costs, by its kind of price; never above the budget. */
export function jobCost(job: JobRecord, metering: JobMetering): bigint {
  if (job.unitType === "tokens")
    return meteredTokenCost(
      tokenPrices({ rateMicro: job.unitPriceMicro, inputPriceMicro: job.inputPriceMicro }),
      metering.tokens_in,
      metering.tokens_out,
      job.budgetMicro,
    );
  return meteredCost(job.unitPriceMicro, metering.duration_ms, job.budgetMicro);
}
