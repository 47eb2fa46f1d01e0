// Finds the local stack's files: AITBC_DATA_DIR when set, otherwise the nearest `.aitbc/` with a
// stack.json in the current directory or one of its parents (the way git finds `.git`).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface StackJson {
  coordinator?: string;
  nodes?: string[];
  wallet?: string;
  exchange?: string | null;
  marketplace?: string | null;
  explorer?: string | null;
  miner_dashboard?: string | null;
  fake_bitcoin?: string | null;
}

export interface DevCredentialsJson {
  admin?: { api_key?: string };
  provider?: { id?: string; api_key?: string; address?: string; service_id?: string };
  customer?: { id?: string; api_key?: string; address?: string };
}

export interface FoundStack {
  dataDir: string;
  stack?: StackJson;
  credentials?: DevCredentialsJson;
}

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function findStackDir(
  cwd: string,
  env: Record<string, string | undefined>,
): string | undefined {
  if (env.AITBC_DATA_DIR) return resolve(cwd, env.AITBC_DATA_DIR);
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, ".aitbc");
    if (existsSync(join(candidate, "stack.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readStack(dataDir: string | undefined): FoundStack | undefined {
  if (!dataDir) return undefined;
  return {
    dataDir,
    stack: readJson<StackJson>(join(dataDir, "stack.json")),
    credentials: readJson<DevCredentialsJson>(join(dataDir, "dev-credentials.json")),
  };
}
