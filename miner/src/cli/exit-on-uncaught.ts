// An error nobody handled leaves the miner in a state nobody planned for (a claim loop may be
// gone while heartbeats keep its leases alive): log it and exit non-zero, so the process manager
// restarts a miner that works instead of keeping one that only looks alive.
import type { MinerLogger } from "../agent/logger.js";

export function exitOnUncaught(logger: MinerLogger): void {
  const die = (kind: string, reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.error(`${kind}, exiting`, { error: err.stack ?? err.message });
    process.exit(1);
  };
  process.on("unhandledRejection", (reason) => die("unhandled rejection", reason));
  process.on("uncaughtException", (err) => die("uncaught exception", err));
}
