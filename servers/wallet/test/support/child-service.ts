// A server run as a child process that a test can SIGKILL and start again, behind a proxy whose URL
// stays the same across restarts (each start listens on a new port 0). The child's JSON log lines
// tell where it listens.
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { killableChild } from "@aitbc/server-lib/testing";
import { startFaultyProxy, type FaultyProxy } from "./faulty-proxy.js";

export interface ChildService {
  /** The proxy's URL: give this to callers. */
  url: string;
  proxy: FaultyProxy;
  /** Started and listening (false while it starts again after a kill). */
  readonly ready: boolean;
  /** SIGKILL, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again (same environment) and resolves once it listens. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface ChildServiceOptions {
  name: string;
  /** Arguments after `node`. */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** How long a start may take. */
  startTimeoutMs?: number;
}

export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  let ready = false;
  const proxy = await startFaultyProxy("http://127.0.0.1:9");
  const tail: string[] = [];
  const runner = killableChild({
    args: options.args,
    cwd: options.cwd,
    env: () => ({ ...options.env, AITBC_LOG_LEVEL: "info" }),
    stdio: ["ignore", "pipe", "pipe"],
    ready: async (proc) => ({ proc, url: await listening(proc) }),
  });

  function listening(proc: ChildProcess): Promise<string> {
    proc.stderr!.on("data", (d: Buffer) => remember(d.toString()));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} did not start: ${tail.join("").slice(-2000)}`)),
        options.startTimeoutMs ?? 120_000,
      );
      proc.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${code}): ${tail.join("").slice(-2000)}`));
      });
      createInterface({ input: proc.stdout! }).on("line", (line) => {
        remember(line + "\n");
        const url = listeningUrl(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
    });
  }

  async function start(): Promise<void> {
    const { proc, url } = await runner.start();
    proxy.retarget(url);
    ready = runner.child === proc;
  }

  function remember(text: string): void {
    tail.push(text);
    if (tail.length > 50) tail.shift();
  }

  async function kill(): Promise<void> {
    ready = false;
    await runner.kill9();
  }

  await start();
  return {
    url: proxy.url,
    proxy,
    get ready() {
      return ready;
    },
    kill,
    start,
    async close() {
      await kill();
      await proxy.close();
    },
  };
}

function listeningUrl(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const entry = JSON.parse(line) as { url?: unknown; msg?: unknown };
    if (typeof entry.url === "string" && /listening|started/.test(String(entry.msg)))
      return entry.url;
  } catch {
    // Not a log line of ours.
  }
  return undefined;
}
