// <data dir>/stack.pid marks a running stack: a second `npm start` on the same data dir and
// `npm run reset` refuse while it is alive. It also lists the children, so that services left
// behind by a launcher that was killed with SIGKILL are found and stopped on the next start.
import { readFileSync, rmSync } from "node:fs";
import { readJsonFile, writeJsonFile } from "../files/json-file.js";
import { sleep } from "@aitbc/sdk";

export interface StackLock {
  pid: number;
  started_at: string;
  children: Array<{ name: string; pid: number; script: string }>;
}

export class StackRunningError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `A stack is already running from ${dataDir} (launcher pid ${pid}). Stop it with Ctrl-C in its terminal (or kill ${pid}), or use another AITBC_DATA_DIR.`,
    );
    this.name = "StackRunningError";
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A live launcher: alive and a Node process (a stale pid reused by something else does not count). */
function isLauncher(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
    return /node/i.test(argv0);
  } catch {
    return true;
  }
}

/** True only when `pid` is alive and still runs `script` (pids are reused). */
function runsScript(pid: number, script: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(script);
  } catch {
    return false;
  }
}

export function readStackLock(path: string): StackLock | undefined {
  try {
    return readJsonFile<StackLock>(path);
  } catch {
    return undefined;
  }
}

/** The running stack's lock, or undefined when no live launcher owns the data dir. */
export function runningStack(path: string): StackLock | undefined {
  const lock = readStackLock(path);
  // Our own pid counts too: tests run several stacks in one process.
  return lock && isLauncher(lock.pid) ? lock : undefined;
}

export interface AcquiredLock {
  /** Children of a dead launcher that were still running and have been stopped. */
  leftovers: Array<{ name: string; pid: number }>;
  update(children: StackLock["children"]): void;
  release(): void;
}

export async function acquireStackLock(path: string, dataDir: string): Promise<AcquiredLock> {
  const previous = readStackLock(path);
  if (previous && isLauncher(previous.pid)) throw new StackRunningError(previous.pid, dataDir);
  const leftovers = (previous?.children ?? []).filter((c) => runsScript(c.pid, c.script));
  for (const child of leftovers) process.kill(child.pid, "SIGTERM");
  const until = Date.now() + 5000;
  while (leftovers.some((c) => isAlive(c.pid)) && Date.now() < until) await sleep(100);
  for (const child of leftovers) if (isAlive(child.pid)) process.kill(child.pid, "SIGKILL");

  const lock: StackLock = { pid: process.pid, started_at: new Date().toISOString(), children: [] };
  writeJsonFile(path, lock);
  return {
    leftovers: leftovers.map(({ name, pid }) => ({ name, pid })),
    update(children) {
      lock.children = children;
      writeJsonFile(path, lock);
    },
    release() {
      if (readStackLock(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
