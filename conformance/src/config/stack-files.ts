// The files a running stack writes (see stack/): `.aitbc/stack.json` with every service's URL and
// `.aitbc/dev-credentials.json` with the dev API keys. Both are optional inputs of the runner.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface StackJson {
  coordinator?: string | null;
  nodes?: string[];
  wallet?: string | null;
  exchange?: string | null;
  marketplace?: string | null;
  explorer?: string | null;
  miner_dashboard?: string | null;
}

export interface DevCredentialsJson {
  admin?: { api_key?: string };
  provider?: { id?: string; api_key?: string; address?: string; service_id?: string };
  customer?: { id?: string; api_key?: string; address?: string };
}

export function stackDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.AITBC_DATA_DIR ?? ".aitbc");
}

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

export function readStackJson(dir: string): StackJson | undefined {
  return readJson<StackJson>(join(dir, "stack.json"));
}

export function readDevCredentials(dir: string): DevCredentialsJson | undefined {
  return readJson<DevCredentialsJson>(join(dir, "dev-credentials.json"));
}
