// Small JSON files the stack owns. Writes go through a temp file and a rename, so a crash or a
// reader never sees half a file; secrets are created readable by the owner only.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";

export function readJsonFile<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (err) {
    throw new Error(
      `${path} is not valid JSON (${(err as Error).message}). Fix or delete it, or run npm run reset.`,
      { cause: err },
    );
  }
}

export function writeJsonFile(path: string, value: unknown, options: { secret?: boolean } = {}) {
  // A directory made for a secret is the owner's only (the data dir, on a first start).
  mkdirSync(dirname(path), { recursive: true, ...(options.secret ? { mode: 0o700 } : {}) });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + "\n", {
    mode: options.secret ? 0o600 : 0o644,
  });
  renameSync(tmp, path);
}
