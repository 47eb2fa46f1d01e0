// The public entry of @aitbc/wallet, used by the dev stack and by tests.
export { startWallet, type RunningWallet } from "./start.js";
export { buildApp, type WalletDeps } from "./app.js";
export { loadWalletConfig, type WalletConfig } from "./config.js";
export type { AccountDirectory, Caller, AccountCaller, Role } from "@aitbc/server-lib";
