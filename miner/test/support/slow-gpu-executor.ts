// TEST DOUBLE for a slow GPU: an Executor that "generates" one word every `msPerToken`, so a job
// can outlive its TTL (at least 10 s by the spec) or a shutdown grace period. It honours the
// abort signal, max tokens and the budget's time limit the way the real executors do; the agent
// code under test cannot tell it from them.
import {
  ExecutorFailure,
  type ExecutionResult,
  type Executor,
  type InferenceRequest,
  type RunOptions,
  type ServedModel,
} from "../../src/index.js";

export function slowGpuExecutor(model: ServedModel, msPerToken = 20): Executor {
  const words = ["slow", "gpu", "words", "for", "the", "test"];
  const executor = {
    kind: "llamacpp" as const,
    async listModels() {
      return [model];
    },
    async run(
      request: InferenceRequest,
      { signal, onChunk }: RunOptions = {},
    ): Promise<ExecutionResult> {
      const startedAt = Date.now();
      let text = "";
      const max = request.maxTokens ?? 128;
      for (let i = 0; i < max; i++) {
        await new Promise<void>((resolve) => setTimeout(resolve, msPerToken));
        if (signal?.aborted)
          throw new ExecutorFailure("aborted", "aborted", { cause: signal.reason });
        const piece = (i ? " " : "") + words[i % words.length];
        text += piece;
        onChunk?.(piece);
        if (
          request.maxDurationMs !== undefined &&
          Date.now() - startedAt + msPerToken >= request.maxDurationMs
        ) {
          return {
            text,
            finishReason: "budget",
            tokensIn: 3,
            tokensOut: i + 1,
            startedAt,
            durationMs: Date.now() - startedAt,
          };
        }
      }
      return {
        text,
        finishReason: "length",
        tokensIn: 3,
        tokensOut: max,
        startedAt,
        durationMs: Date.now() - startedAt,
      };
    },
    async healthy() {
      return true;
    },
    async close() {},
  };
  return executor;
}
