// A provider's miner is its own program (`aitbc-miner`, the provider's host daemon). The
// examples run the real bin as a child process with the provider's key, exactly as a provider
// would, on the offline model; it lives only as long as the example.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface MinerProcess {
  name: string;
  logFile: string;
  stop(): Promise<void>;
}

function minerBin(): string {
  const entry = fileURLToPath(import.meta.resolve("@aitbc/miner"));
  return join(dirname(entry), "main.js");
}

export function startMinerProcess(options: {
  coordinatorUrl: string;
  apiKey: string;
  name: string;
  dataDir: string;
}): MinerProcess {
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = join(options.dataDir, "miner.log");
  const log = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(process.execPath, [minerBin()], {
    env: {
      ...process.env,
      AITBC_COORDINATOR_URL: options.coordinatorUrl,
      AITBC_API_KEY: options.apiKey,
      AITBC_MINER_EXECUTOR: "llamacpp",
      AITBC_MINER_NAME: options.name,
      AITBC_MINER_DATA_DIR: options.dataDir,
      AITBC_MINER_THREADS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return {
    name: options.name,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}
