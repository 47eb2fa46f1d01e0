#!/usr/bin/env node
import { createLogger, runMain } from "@aitbc/server-lib";
import { loadExchangeConfig } from "./config.js";
import { startExchange } from "./start.js";

const logger = createLogger("exchange");
await runMain("aitbc-exchange", logger, () =>
  startExchange(loadExchangeConfig(process.env), { logger }),
);
