// One node-llama-cpp runtime per process. The prebuilt CPU binary from @node-llama-cpp/linux-x64
// is used as shipped: `build: "never"` means nothing is compiled or downloaded at run time, and a
// missing binary is an error rather than a surprise 10-minute build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

/**
 * The binding's version, the llama.cpp release it runs and its backend: the kernels that decide
 * the exact floating-point results, so two runs with the same string compute the same bytes.
 */
export function llamaRuntimeVersion(llama: Llama): string {
  return `node-llama-cpp ${bindingVersion()}; llama.cpp ${llama.llamaCppRelease.release}; ${llama.gpu || "cpu"}`;
}

function bindingVersion(): string {
  // The package does not export its package.json; it sits beside the dist/ of its entry point.
  const entry = createRequire(import.meta.url).resolve("node-llama-cpp");
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
