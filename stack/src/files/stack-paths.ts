// Where the stack keeps everything under its data dir (default ./.aitbc). One place, so reset,
// the CLI and the docs agree on the layout.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface StackPaths {
  root: string;
  stackJson: string;
  credentials: string;
  secrets: string;
  genesis: string;
  pidFile: string;
  logs: string;
  data: string;
  logFile(service: string): string;
  dataDir(service: string): string;
  database(service: string): string;
}

/** The repository root: stack/dist/files → ../../.. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.AITBC_DATA_DIR;
  return fromEnv ? resolve(fromEnv) : join(PROJECT_ROOT, ".aitbc");
}

export function stackPaths(root: string): StackPaths {
  const abs = resolve(root);
  return {
    root: abs,
    stackJson: join(abs, "stack.json"),
    credentials: join(abs, "dev-credentials.json"),
    secrets: join(abs, "secrets.json"),
    genesis: join(abs, "genesis.json"),
    pidFile: join(abs, "stack.pid"),
    logs: join(abs, "logs"),
    data: join(abs, "data"),
    logFile: (service) => join(abs, "logs", `${service}.log`),
    dataDir: (service) => join(abs, "data", service),
    database: (service) => join(abs, "data", service, `${service}.sqlite`),
  };
}
