#!/usr/bin/env node
import { createLogger, runMain } from "@aitbc/server-lib";
import { loadWalletConfig } from "./config.js";
import { startWallet } from "./start.js";

const logger = createLogger("wallet");
await runMain("aitbc-wallet", logger, () => startWallet(loadWalletConfig(process.env), { logger }));
