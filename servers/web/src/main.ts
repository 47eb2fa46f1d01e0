#!/usr/bin/env node
import { createLogger, runMain } from "@aitbc/server-lib";
import { loadWebConfig } from "./config.js";
import { startWeb } from "./start-web.js";

const logger = createLogger("web");
await runMain("aitbc-web", logger, async () => {
  const config = loadWebConfig(process.env);
  return startWeb({ ...config, logger, env: process.env });
});
