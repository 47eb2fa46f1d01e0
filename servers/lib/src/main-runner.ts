// What every main.ts does after config: start, log where, stop cleanly on SIGTERM/SIGINT, and
// die loudly (logged, exit 1) on an error nobody handled.
import type { Logger } from "pino";
import { ConfigError } from "./config/env.js";
import { exitOnUncaught } from "./exit-on-uncaught.js";
import { PortInUseError } from "./http/server.js";

export interface Stoppable {
  close(): Promise<void>;
}

export async function runMain(
  name: string,
  logger: Logger,
  start: () => Promise<Stoppable>,
): Promise<void> {
  exitOnUncaught(name, logger);
  let running: Stoppable;
  try {
    running = await start();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${name}: configuration error: ${err.message}`);
    } else if (err instanceof PortInUseError) {
      console.error(
        `${name}: ${err.message} Stop the other process or choose another port (see the README, "Ports").`,
      );
    } else {
      logger.fatal({ err }, `${name} failed to start`);
      console.error(`${name}: failed to start: ${(err as Error).message}`);
    }
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    try {
      await running.close();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, `${name} did not stop cleanly`);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
