// Public entry of @aitbc/miner: the agent (startMiner), the executors, the Ollama-compatible
// server and the tiny-model generator. The stack launcher and tests run the miner through here.
export {
  startMiner,
  type MinerOptions,
  type RunningMiner,
  type MinerStats,
} from "./agent/start-miner.js";
export {
  createLogger,
  silentLogger,
  parseLogLevel,
  type MinerLogger,
  type LogLevel,
} from "./agent/logger.js";
export { meter, unitsFromMs, maxDurationForBudget, type Metered } from "./agent/metering.js";
export {
  detectHardware,
  parseNvidiaSmi,
  type Hardware,
  type GpuInfo,
  type CpuInfo,
} from "./agent/hardware.js";
export { parseLlamaGpuReport, detectLlamaGpu, type LlamaGpuReport } from "./agent/llama-gpu.js";
export { loadOrCreateIdentity, IDENTITY_FILE, type MinerIdentity } from "./agent/key-store.js";
export { parseCli, USAGE, UsageError, type CliConfig } from "./cli/parse-args.js";
export {
  ExecutorFailure,
  type Executor,
  type ExecutorKind,
  type ExecutionResult,
  type ExecutorIdentity,
  type FailureCode,
  type FinishReason,
  type InferenceRequest,
  type RunOptions,
  type ServedModel,
} from "./executors/executor.js";
export {
  createLlamaCppExecutor,
  type LlamaCppExecutor,
  type LlamaCppExecutorOptions,
} from "./executors/llamacpp-executor.js";
export {
  createOllamaExecutor,
  probeOllama,
  normalizeOllamaHost,
  DEFAULT_OLLAMA_HOST,
  type OllamaExecutor,
  type OllamaExecutorOptions,
} from "./executors/ollama-executor.js";
export {
  OLLAMA_COMPAT_VERSION,
  startOllamaCompatServer,
  type OllamaCompatServer,
} from "./ollama-compat/server.js";
export {
  buildTinyModel,
  TINY_MODEL_NAME,
  TINY_MODEL_LABEL,
  TINY_HPARAMS,
} from "./model/tiny-model.js";
export {
  ensureTinyModel,
  defaultTinyModelPath,
  describeModelFile,
  type ModelFile,
} from "./model/ensure-tiny-model.js";
export {
  writeGguf,
  type GgufDocument,
  type MetadataValue,
  type TensorSpec,
} from "./model/gguf-writer.js";
