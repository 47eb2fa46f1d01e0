#!/usr/bin/env node
// `aitbc-node` runs a node from the environment (see README/HACKING: AITBC_NODE_PORT,
// AITBC_GENESIS_FILE, AITBC_VALIDATOR_SECRET_KEY, AITBC_PEERS, …); `aitbc-node init` writes a
// dev genesis and keys.
import { createLogger, runMain } from "@aitbc/server-lib";
import { runInit } from "./cli/init-command.js";
import { loadNodeConfig } from "./config.js";
import { startNode } from "./start.js";

const [command, ...rest] = process.argv.slice(2);
if (command === "init") {
  process.exit(runInit(rest));
} else if (command === undefined || command === "run") {
  await runMain("aitbc-node", createLogger("node"), () => startNode(loadNodeConfig(process.env)));
} else {
  console.error(
    `aitbc-node: unknown command "${command}". Use \`aitbc-node\` or \`aitbc-node init\`.`,
  );
  process.exit(2);
}
