// Completing a claim the way a llama.cpp miner does: the receipt names the executor and its
// version, so two runs of the same build compare byte for byte. What a run says it produced (the
// text, the output token count) is the test's to choose, so that a cheat can be scripted.
import { signReceipt, type CoordinatorTypes, type Receipt } from "@aitbc/sdk";
import type { TestMiner } from "./miner-double.js";

export const HONEST_TEXT = "The capital of France is Paris, a city on the Seine.";

const EXECUTION = {
  executor: "llamacpp",
  executor_version: "node-llama-cpp 3.21.1; llama.cpp b6000; cpu",
};

export interface Run {
  text?: string;
  tokensOut?: number;
  durationMs?: number;
}

export async function executedRun(miner: TestMiner, claim: CoordinatorTypes.Claim, how: Run = {}) {
  const text = how.text ?? HONEST_TEXT;
  const tokensOut = how.tokensOut ?? 12;
  const durationMs = how.durationMs ?? 1800;
  const { signatures: _unsigned, ...unsigned } = miner.receiptFor(claim, text, durationMs);
  const receipt = signReceipt(
    { ...unsigned, ...EXECUTION, tokens_out: tokensOut } as Omit<Receipt, "signatures">,
    { secretKey: miner.keys.secretKey, keyId: `provider:${claim.job.provider_id}` },
  );
  return miner.client.coordinator.completeJob({
    path: { job_id: claim.job.job_id },
    body: {
      lease_id: claim.lease.lease_id,
      output: { text, finish_reason: "stop" },
      metering: { duration_ms: durationMs, tokens_in: 3, tokens_out: tokensOut },
      receipt: receipt as CoordinatorTypes.Receipt,
    },
  });
}

/** The three cheats the spot checks must catch, as runs of the cheating miner. */
export const CHEATS: ReadonlyArray<readonly [string, Run]> = [
  ["returns made-up text", { text: "Lorem ipsum dolor sit amet, made up without a model." }],
  ["inflates its output token count", { tokensOut: 60 }],
  // Another model's greedy answer to the same prompt: fluent, and not what the model says.
  ["serves another model under the advertised name", { text: "Paris is in Texas, I think." }],
];
