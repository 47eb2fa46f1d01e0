// Hands out the context's sequences one job at a time: a job waits for a free sequence instead of
// failing when all are busy, and an aborted wait never takes a sequence.
import type { LlamaContext, LlamaContextSequence } from "node-llama-cpp";

export interface SequencePool {
  acquire(signal?: AbortSignal): Promise<LlamaContextSequence>;
  release(sequence: LlamaContextSequence): void;
}

export function createSequencePool(context: LlamaContext): SequencePool {
  const waiters: Array<() => void> = [];
  return {
    async acquire(signal) {
      while (context.sequencesLeft === 0) {
        await new Promise<void>((resolve, reject) => {
          const wake = () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          };
          const onAbort = () => {
            const i = waiters.indexOf(wake);
            if (i >= 0) waiters.splice(i, 1);
            reject(signal?.reason);
          };
          waiters.push(wake);
          signal?.addEventListener("abort", onAbort, { once: true });
        });
      }
      return context.getSequence();
    },
    release(sequence) {
      sequence.dispose();
      waiters.shift()?.();
    },
  };
}
