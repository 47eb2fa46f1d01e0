// The aitbc-miner command line. Flags win over the environment; the environment fills in what
// flags leave out (AITBC_COORDINATOR_URL, AITBC_API_KEY, OLLAMA_HOST, AITBC_MINER_DATA_DIR, …).
import { parseArgs } from "node:util";
import type { ExecutorChoice } from "../agent/resolve-executor.js";

export const USAGE = `Usage: aitbc-miner --coordinator URL --api-key KEY [options]

Runs an AITBC provider miner: registers with the coordinator, claims inference jobs, streams
tokens as progress and signs receipts.

Options:
  --coordinator URL     coordinator base URL        (env AITBC_COORDINATOR_URL)
  --api-key KEY         the provider account's key  (env AITBC_API_KEY)
  --executor KIND       auto | ollama | llamacpp    (env AITBC_MINER_EXECUTOR, default auto)
  --ollama-host URL     Ollama server               (env OLLAMA_HOST, default http://127.0.0.1:11434)
  --model-path FILE     GGUF for llamacpp           (env AITBC_MINER_MODEL_PATH, default: generated
                        aitbc-tiny:latest, a random-weight test model)
  --concurrency N       jobs at once                (env AITBC_MINER_CONCURRENCY, default 1)
  --threads N           llama.cpp threads           (env AITBC_MINER_THREADS, default 1 on ≤2 cores)
  --name NAME           miner name                  (env AITBC_MINER_NAME, default the host name)
  --data-dir DIR        key + identity directory    (env AITBC_MINER_DATA_DIR, default
                        $AITBC_DATA_DIR/miner/<name>, AITBC_DATA_DIR defaulting to ./.aitbc)
  -h, --help            show this help
`;

export interface CliConfig {
  coordinatorUrl: string;
  apiKey: string;
  executor: ExecutorChoice;
  ollamaHost?: string;
  modelPath?: string;
  concurrency: number;
  threads?: number;
  name?: string;
  dataDir?: string;
}

export class UsageError extends Error {}

export type ParseResult = { help: true } | { help: false; config: CliConfig };

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): ParseResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        coordinator: { type: "string" },
        "api-key": { type: "string" },
        executor: { type: "string" },
        "ollama-host": { type: "string" },
        "model-path": { type: "string" },
        concurrency: { type: "string" },
        threads: { type: "string" },
        name: { type: "string" },
        "data-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { help: true };

  const coordinatorUrl = values.coordinator ?? env.AITBC_COORDINATOR_URL;
  if (!coordinatorUrl) throw new UsageError("--coordinator (or AITBC_COORDINATOR_URL) is required");
  try {
    new URL(coordinatorUrl);
  } catch {
    throw new UsageError(`--coordinator: not a URL: ${coordinatorUrl}`);
  }
  const apiKey = values["api-key"] ?? env.AITBC_API_KEY;
  if (!apiKey) throw new UsageError("--api-key (or AITBC_API_KEY) is required");

  const executor = values.executor ?? env.AITBC_MINER_EXECUTOR ?? "auto";
  if (executor !== "auto" && executor !== "ollama" && executor !== "llamacpp") {
    throw new UsageError(`--executor: expected auto, ollama or llamacpp, got ${executor}`);
  }
  const config: CliConfig = {
    coordinatorUrl,
    apiKey,
    executor,
    concurrency:
      positiveInt("--concurrency", values.concurrency ?? env.AITBC_MINER_CONCURRENCY) ?? 1,
  };
  const threads = positiveInt("--threads", values.threads ?? env.AITBC_MINER_THREADS);
  if (threads !== undefined) config.threads = threads;
  const optional = {
    ollamaHost: values["ollama-host"] ?? env.OLLAMA_HOST,
    modelPath: values["model-path"] ?? env.AITBC_MINER_MODEL_PATH,
    name: values.name ?? env.AITBC_MINER_NAME,
    dataDir: values["data-dir"] ?? env.AITBC_MINER_DATA_DIR,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) (config as unknown as Record<string, string>)[key] = value;
  }
  return { help: false, config };
}

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new UsageError(`${flag}: expected an integer from 1 to 256, got ${value}`);
  }
  return Number(value);
}
