#!/usr/bin/env node
// aitbc-miner: parse flags and env, start the miner, and stop it gracefully on SIGTERM/SIGINT
// (jobs in hand finish or are released). A second signal exits at once.
import { parseCli, USAGE, UsageError } from "./cli/parse-args.js";
import { startMiner } from "./agent/start-miner.js";
import { createLogger, parseLogLevel } from "./agent/logger.js";
import { exitOnUncaught } from "./cli/exit-on-uncaught.js";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`aitbc-miner: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const logger = createLogger(parseLogLevel(process.env.AITBC_LOG_LEVEL));
  exitOnUncaught(logger);
  const startup = new AbortController();
  let miner: Awaited<ReturnType<typeof startMiner>> | undefined;
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    if (++signals > 1) {
      logger.warn(`second ${sig}: exiting now`);
      process.exit(130);
    }
    logger.info(`${sig}: finishing the jobs in hand`);
    startup.abort(new Error(sig));
    void miner?.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  try {
    miner = await startMiner({ ...parsed.config, logger, signal: startup.signal });
  } catch (err) {
    if (startup.signal.aborted) return 0;
    logger.error(`cannot start: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  if (startup.signal.aborted) {
    await miner.close();
    return 0;
  }
  // Keep running until a signal arrives; close() exits the process.
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `aitbc-miner: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
