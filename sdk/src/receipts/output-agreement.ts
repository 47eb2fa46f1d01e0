// When two executions of the same job count as the same result. A re-run on another miner only
// proves anything if honest runs agree and a run that skipped or swapped the model does not, so
// the rule is as strict as the two executors allow: byte for byte where they are the same
// software on the same model file, a common opening where they are not.
import { contentDigest } from "../crypto/hash.js";
import type { Receipt } from "./receipt.js";

/**
 * Words compared when the executors differ. Different kernels (GPU and CPU, another llama.cpp
 * build) add floating-point numbers in another order, so the logits differ in their last bits; at
 * temperature 0 that changes the output only where two tokens are almost tied, and once one pick
 * differs everything after it does. Such near-ties become likely only well into a long output,
 * while an opening of 32 words is already far beyond what a run of another model (or no model)
 * matches by chance.
 */
export const AGREEMENT_PREFIX_WORDS = 32;

/** The receipt fields the rule reads. */
export type ExecutionReceipt = Pick<
  Receipt,
  | "model"
  | "model_digest"
  | "input_hash"
  | "output_hash"
  | "tokens_out"
  | "seed"
  | "temperature"
  | "executor"
  | "executor_version"
>;

export interface Execution {
  receipt: ExecutionReceipt;
  /** The output text the receipt's `output_hash` covers. */
  text: string;
}

export type AgreementRule = "exact" | "prefix";

export type Agreement =
  | { verdict: "agree"; rule: AgreementRule }
  | { verdict: "disagree"; rule: AgreementRule | "receipt"; reason: string }
  /** Not runs of the same thing, or runs whose outputs no rule relates: neither proves the other wrong. */
  | { verdict: "incomparable"; reason: string };

export interface AgreementOptions {
  /** Words that must match when the executors differ; default AGREEMENT_PREFIX_WORDS. */
  prefixWords?: number;
}

/** Temperature as the receipt records it; absent means the executors' default, 0. */
function temperatureOf(r: ExecutionReceipt): number {
  return r.temperature === undefined ? 0 : Number(r.temperature);
}

/** Same executor, same version and backend, same model file: the same arithmetic in the same order. */
export function sameExecution(a: ExecutionReceipt, b: ExecutionReceipt): boolean {
  return (
    a.executor !== undefined &&
    a.executor_version !== undefined &&
    a.model_digest !== undefined &&
    a.executor === b.executor &&
    a.executor_version === b.executor_version &&
    a.model_digest === b.model_digest
  );
}

export function agree(a: Execution, b: Execution, options: AgreementOptions = {}): Agreement {
  for (const [name, e] of [
    ["a", a],
    ["b", b],
  ] as const) {
    if (contentDigest(e.text) !== e.receipt.output_hash)
      return {
        verdict: "disagree",
        rule: "receipt",
        reason: `${name}: text is not its output_hash`,
      };
  }
  const ra = a.receipt;
  const rb = b.receipt;
  if (ra.input_hash !== rb.input_hash) return incomparable("different inputs");
  if (ra.model !== rb.model) return incomparable("different models");
  const temperature = temperatureOf(ra);
  if (Number.isNaN(temperature) || temperature !== temperatureOf(rb))
    return incomparable("different temperatures");
  // At temperature 0 the sampler takes the most likely token and the seed plays no part.
  if (temperature > 0 && (ra.seed === undefined || ra.seed !== rb.seed))
    return incomparable("different or unrecorded seeds");

  if (sameExecution(ra, rb)) {
    if (ra.output_hash !== rb.output_hash)
      return { verdict: "disagree", rule: "exact", reason: "outputs differ" };
    if (ra.tokens_out !== rb.tokens_out)
      return { verdict: "disagree", rule: "exact", reason: "token counts differ" };
    return { verdict: "agree", rule: "exact" };
  }
  // Two samplers given the same seed still draw differently; only greedy runs can be compared.
  if (temperature > 0) return incomparable("sampled runs on different executors");
  const n = options.prefixWords ?? AGREEMENT_PREFIX_WORDS;
  const wa = words(a.text);
  const wb = words(b.text);
  const k = Math.min(n, wa.length, wb.length);
  for (let i = 0; i < k; i++) {
    if (wa[i] !== wb[i])
      return { verdict: "disagree", rule: "prefix", reason: `word ${i + 1} differs` };
  }
  // Within the window both must also stop at the same place: one run ending where the other goes
  // on is a different pick (the end of text) like any other.
  if (k < n && wa.length !== wb.length)
    return { verdict: "disagree", rule: "prefix", reason: "one output ends before the other" };
  return { verdict: "agree", rule: "prefix" };
}

function incomparable(reason: string): Agreement {
  return { verdict: "incomparable", reason };
}

/** Whitespace-separated words: a unit both sides can count from the text alone, whatever the tokenizer. */
function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 0);
}
