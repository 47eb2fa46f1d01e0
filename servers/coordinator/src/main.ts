#!/usr/bin/env node
// aitbc-coordinator: reads the environment, starts, and stops cleanly on SIGTERM/SIGINT.
import { createLogger, runMain } from "@aitbc/server-lib";
import { loadCoordinatorConfig } from "./config.js";
import { startCoordinator } from "./start.js";

const logger = createLogger("coordinator");
await runMain("coordinator", logger, async () =>
  startCoordinator(loadCoordinatorConfig(process.env), { logger }),
);
