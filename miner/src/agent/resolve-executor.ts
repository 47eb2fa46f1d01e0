// Picks the executor: `ollama`, `llamacpp`, or `auto` (Ollama when one answers at the host,
// otherwise the offline llama.cpp executor with the generated tiny model).
import { join } from "node:path";
import type { Executor } from "../executors/executor.js";
import { createLlamaCppExecutor } from "../executors/llamacpp-executor.js";
import {
  createOllamaExecutor,
  normalizeOllamaHost,
  probeOllama,
} from "../executors/ollama-executor.js";

export type ExecutorChoice = "auto" | "ollama" | "llamacpp";

export interface ExecutorSettings {
  choice: ExecutorChoice;
  ollamaHost?: string;
  modelPath?: string;
  threads?: number;
  concurrency: number;
  /** The miner's data directory: the tiny model goes there if the install is read-only. */
  dataDir: string;
}

export interface ResolvedExecutor {
  executor: Executor;
  /** Why this executor was chosen, for the startup banner. */
  reason: string;
}

export async function resolveExecutor(settings: ExecutorSettings): Promise<ResolvedExecutor> {
  const host = normalizeOllamaHost(settings.ollamaHost);
  let choice = settings.choice;
  let reason = `requested with --executor ${choice}`;
  if (choice === "auto") {
    if (await probeOllama(host)) {
      choice = "ollama";
      reason = `auto: Ollama answers at ${host}`;
    } else {
      choice = "llamacpp";
      reason = `auto: no Ollama at ${host}, using the offline llama.cpp executor`;
    }
  }
  if (choice === "ollama") {
    return { executor: createOllamaExecutor({ host }), reason };
  }
  const executor = await createLlamaCppExecutor({
    concurrency: settings.concurrency,
    tinyModelFallbackPath: join(settings.dataDir, "models", "aitbc-tiny.gguf"),
    ...(settings.modelPath ? { modelPath: settings.modelPath } : {}),
    ...(settings.threads ? { threads: settings.threads } : {}),
  });
  return { executor, reason };
}
