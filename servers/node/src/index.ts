// Public entry of @aitbc/node: start a node, read its config, make dev genesis files.
export { startNode, NODE_VERSION, type RunningNode } from "./start.js";
export { loadNodeConfig, DEFAULT_NODE_PORT, type NodeConfig } from "./config.js";
export { buildApp, type NodeDeps } from "./app.js";
export {
  createDevGenesis,
  allocate,
  type DevGenesis,
  type DevGenesisOptions,
  type KeyMaterial,
  type ValidatorKey,
} from "./domain/genesis/dev-genesis.js";
export { parseGenesis, loadGenesisFile } from "./domain/genesis/load-genesis.js";
export { writeDevChain, type DevChainFiles } from "./cli/write-dev-chain.js";
export { startDevChain, type DevChain, type DevChainOptions } from "./dev-chain.js";
export { verifyTxSignatureFast } from "./domain/ledger/fast-verify.js";
