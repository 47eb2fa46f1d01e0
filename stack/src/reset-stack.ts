// Wiping a dev stack's data dir: everything under it (chain, accounts, keys, logs) goes, but never
// while a stack is running from it, and never a directory that does not look like one.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { stackPaths } from "./files/stack-paths.js";
import { runningStack, StackRunningError } from "./process/stack-lock.js";

export interface ResetResult {
  dataDir: string;
  removed: boolean;
}

const STACK_MARKERS = [
  "stack.json",
  "secrets.json",
  "genesis.json",
  "dev-credentials.json",
  "logs",
  "data",
  "stack.pid",
];

export function resetStack(dataDir: string): ResetResult {
  const paths = stackPaths(dataDir);
  if (!existsSync(paths.root)) return { dataDir: paths.root, removed: false };
  const running = runningStack(paths.pidFile);
  if (running) throw new StackRunningError(running.pid, paths.root);
  const entries = readdirSync(paths.root);
  const foreign = entries.filter((e) => !STACK_MARKERS.includes(e) && !e.endsWith(".tmp"));
  if (entries.length > 0 && foreign.length === entries.length) {
    throw new Error(
      `${paths.root} does not look like an AITBC data dir (it has ${foreign.slice(0, 3).join(", ")}); not deleting it.`,
    );
  }
  rmSync(paths.root, { recursive: true, force: true });
  return { dataDir: paths.root, removed: true };
}
