// Programmatic entry of @aitbc/conformance. The CLIs are cli.js (aitbc-conformance), mock-run.js
// (npm run conformance:mock) and mock-cli.js (npm run mock).
export { runConformance, type RunConformanceExtras } from "./run-conformance.js";
export { parseArgs, USAGE, UsageError, type RunOptions, type Level } from "./config/cli-options.js";
export { roleFor, keyFor, type Credentials, type Role } from "./config/credentials.js";
export {
  runContract,
  type ContractOptions,
  type ContractTarget,
  type TargetMode,
} from "./contract/run-contract.js";
export { checkResponse, type ResponseCheck } from "./contract/check-response.js";
export { buildValidRequest } from "./contract/valid-request.js";
export { buildInvalidVariants, type InvalidVariant } from "./contract/invalid-requests.js";
export {
  Reporter,
  formatResult,
  type CheckResult,
  type Outcome,
  type Summary,
} from "./report/reporter.js";
export { DocumentValidator } from "./schema/validator.js";
export { sampleValue } from "./schema/sample-value.js";
export { sampleFromPattern } from "./schema/pattern-sample.js";
export { loadOpenApiDocuments, defaultBundledDir, type LoadedDocument } from "./spec/documents.js";
export { listOperations, type Operation } from "./spec/operations.js";
export {
  startMocks,
  DEFAULT_MOCK_PORTS,
  SEED_PORTS,
  type MockSet,
  type StartMocksOptions,
} from "./mock/start-mocks.js";
export { startPrism, type PrismProcess, type StartPrismOptions } from "./mock/prism-process.js";
export { detectTarget, servedByPrism, type DetectedTarget } from "./mock/detect-target.js";
export { prismAnswer, type PrismAnswer } from "./contract/prism-answer.js";
export { runChannels, CLIENT_CHANNELS, type ChannelOptions } from "./channels/run-channels.js";
export { recordWs, wsUrl, type WsRecording } from "./channels/ws-session.js";
export {
  loadAsyncApiDocuments,
  channelOf,
  type LoadedAsyncApiDocument,
} from "./spec/asyncapi-documents.js";
export {
  readScenarioRecord,
  RECORD_FILE_NAME,
  type ScenarioRecord,
} from "./scenario/scenario-record.js";
export { REFERENCE_SCENARIO } from "./scenario/cases/index.js";
export {
  ScenarioContext,
  type Actor,
  type ScenarioContextOptions,
} from "./scenario/scenario-context.js";
export { runScenario } from "./scenario/run-scenario.js";
export { Blocked, StepFailed, type ScenarioCase } from "./scenario/scenario-case.js";
export type { ScenarioState } from "./scenario/scenario-state.js";
