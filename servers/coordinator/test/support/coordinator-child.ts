// For the kill -9 suites: the coordinator run from src/main.ts as a child process on a fixed port
// (its callers keep the URL across restarts), settling on a real chain with its settlement key,
// ready once it answers its health check.
import { randomBytes } from "node:crypto";
import { openSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestDatabase } from "@aitbc/server-lib";
import { killableChild, type KillableChild } from "@aitbc/server-lib/testing";
import type { DevChain } from "@aitbc/node";
import { eventually } from "./harness.js";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export interface CoordinatorChildOptions {
  adminApiKey: string;
  database: TestDatabase;
  chain: DevChain;
  walletUrl: string;
  port: number;
  dataDir: string;
  /** Added to (or overriding) the common environment. */
  env?: Record<string, string>;
  /** Appends the child's log (at debug) to this file instead of silencing it. */
  logFile?: string;
}

export function coordinatorChild(o: CoordinatorChildOptions): KillableChild<void> {
  const url = `http://127.0.0.1:${o.port}`;
  // The same across restarts, as an operator's secret store would give it.
  const sealingKey = randomBytes(32).toString("base64url");
  return killableChild({
    args: ["--import", "tsx", MAIN],
    env: () => {
      const node = o.chain.nodes[0]!;
      return {
        AITBC_LOG_LEVEL: o.logFile ? "debug" : "silent",
        AITBC_ADMIN_API_KEY: o.adminApiKey,
        AITBC_COORDINATOR_SEALING_KEY: sealingKey,
        AITBC_DATABASE_URL: o.database.url,
        ...(o.database.schema ? { AITBC_DATABASE_SCHEMA: o.database.schema } : {}),
        AITBC_CHAIN_ID: node.chainId,
        AITBC_WALLET_URL: o.walletUrl,
        AITBC_NODE_URL: node.url,
        AITBC_SETTLEMENT_SECRET_KEY: o.chain.settlement!.secret_key,
        AITBC_COORDINATOR_PORT: String(o.port),
        AITBC_HOST: "127.0.0.1",
        AITBC_DATA_DIR: o.dataDir,
        AITBC_RATE_LIMIT_PER_SECOND: "0",
        AITBC_SWEEP_INTERVAL_MS: "100",
        AITBC_SETTLEMENT_CLAIM_MS: "3000",
        // A restart under load can take longer than the default lease; the miner keeps its job.
        AITBC_LEASE_TTL_S: "600",
        ...o.env,
      };
    },
    stdio: o.logFile ? ["ignore", openSync(o.logFile, "a"), "inherit"] : "ignore",
    ready: async () => {
      await eventually(
        async () => (await fetch(`${url}/v1/health`)).ok,
        "the coordinator to listen",
        60_000,
      );
    },
  });
}
