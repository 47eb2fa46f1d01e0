// Public entry of @aitbc/coordinator (used by the stack and by tests).
export { loadCoordinatorConfig, type CoordinatorConfig } from "./config.js";
export {
  startCoordinator,
  settlementFor,
  batchChainFor,
  chainFor,
  verifierPayoutsFor,
  type CoordinatorChain,
  type RunningCoordinator,
  type CoordinatorOverrides,
} from "./start.js";
export { buildApp, type BuildAppOptions } from "./app.js";
export { createContext, type CoordinatorContext, type CoordinatorDeps } from "./context.js";
export { migrations } from "./data/migrations.js";
export { LocalSignalBus } from "./domain/events/signal-bus.js";
export type {
  SettlementPort,
  LockRequest,
  LockResult,
  ReleaseOrder,
  ReleaseAttempt,
  ReleaseOutcome,
} from "./domain/settlement/settlement-port.js";
export { ChainSettlement } from "./domain/settlement/chain-settlement.js";
export { ChainBatchPort } from "./domain/settlement/chain-batch-port.js";
export type { BatchChainPort } from "./domain/settlement/batch-chain-port.js";
export { NodeDepositReader } from "./domain/settlement/node-deposit-reader.js";
export { settlementKey, type SettlementKey } from "./domain/settlement/settlement-key.js";
export { ChainVerifierPayouts } from "./domain/settlement/chain-verifier-payouts.js";
export type {
  VerifierPayouts,
  VerifierPayoutOrder,
  VerifierPayoutResult,
} from "./domain/verification/verifier-payouts.js";
export type { DepositReader, FinalizedDeposit } from "./domain/deposits/deposit-reader.js";
export type { AddressProvider } from "./domain/accounts/address-provider.js";
export { LocalKeyAddressProvider } from "./domain/accounts/address-provider.js";
export { meteredCost, unitsFromDuration } from "./domain/jobs/metering.js";
