// What startMiner() takes and gives back.
import type { Executor, ServedModel } from "../executors/executor.js";
import type { Registration } from "./coordinator-link.js";
import type { Hardware } from "./hardware.js";
import type { MinerLogger } from "./logger.js";
import type { ExecutorChoice } from "./resolve-executor.js";

export interface MinerOptions {
  coordinatorUrl: string;
  apiKey: string;
  /** `auto` (default), `ollama`, `llamacpp`, or a ready executor (embedding, tests). */
  executor?: ExecutorChoice | Executor;
  ollamaHost?: string;
  modelPath?: string;
  /** Jobs run at once. Default 1. */
  concurrency?: number;
  threads?: number;
  /** Shown to the coordinator and in logs. Default: the host name. */
  name?: string;
  /** Where the key lives. Default AITBC_MINER_DATA_DIR, else `${AITBC_DATA_DIR:-./.aitbc}/miner/<name>`. */
  dataDir?: string;
  logger?: MinerLogger;
  /** Long-poll wait per claim, capped by the coordinator's claim_wait_max_s. Default 25. */
  claimWaitS?: number;
  /** How long close() waits for jobs in hand before releasing them. Default 30 s. */
  shutdownGraceMs?: number;
  /** Aborts the initial registration attempts (which otherwise retry until the coordinator answers). */
  signal?: AbortSignal;
  /** Override for tests: the nvidia-smi command to run. */
  nvidiaSmiCommand?: string;
  /** Override for tests: the command that runs node-llama-cpp's GPU probe. */
  llamaGpuProbe?: readonly string[];
}

export interface MinerStats {
  completed: number;
  failed: number;
  /** Jobs handed back to the coordinator (stopped at shutdown, or claimed while stopping). */
  released: number;
  /** Jobs let go without a report: taken away by the coordinator, or not released in time. */
  abandoned: number;
}

export interface RunningMiner {
  minerId: string;
  providerId: string;
  publicKey: string;
  name: string;
  executorKind: Executor["kind"];
  models: ServedModel[];
  hardware: Hardware;
  registration: Registration;
  /** The startup banner lines (also logged). */
  banner: string[];
  activeJobIds(): string[];
  stats(): MinerStats;
  /** Graceful stop: finish or release the jobs in hand. */
  close(): Promise<void>;
}
