// One node-llama-cpp runtime per process. The prebuilt CPU binary from @node-llama-cpp/linux-x64
// is used as shipped: `build: "never"` means nothing is compiled or downloaded at run time, and a
// missing binary is an error rather than a surprise 10-minute build.
import { getLlama, LlamaLogLevel, type Llama } from "node-llama-cpp";

let runtime: Promise<Llama> | undefined;

export function getLlamaRuntime(): Promise<Llama> {
  runtime ??= getLlama({
    gpu: false,
    build: "never",
    logLevel: LlamaLogLevel.error,
    progressLogs: false,
  }).catch((err: unknown) => {
    runtime = undefined;
    throw err;
  });
  return runtime;
}

/** Threads for llama.cpp: 1 on machines with 2 cores or fewer (leave one for the miner and OS). */
export function defaultThreads(cores: number): number {
  return cores <= 2 ? 1 : Math.max(1, Math.floor(cores / 2));
}
