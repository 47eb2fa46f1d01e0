// A program run as a child process that a test kills with SIGKILL (no goodbye, as a crash or the
// kernel's OOM killer would) and starts again on the same environment: the harness of the kill -9
// suites, which then check that nothing was lost or done twice across the restarts.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createServer } from "node:net";

export interface KillableChildOptions<T> {
  /** Arguments after `node`. */
  args: string[];
  /** Added to the test's own environment; read again at every start. */
  env?: () => Record<string, string | undefined>;
  cwd?: string;
  /** Default: "ignore". */
  stdio?: StdioOptions;
  /**
   * Resolves once the child just spawned is ready for the test (it listens, it logged a line),
   * with whatever the test needs of it; a rejection fails the start and kills the child.
   */
  ready: (child: ChildProcess) => Promise<T>;
}

export interface KillableChild<T> {
  /** Spawns the child and resolves with what `ready` gave once it is ready. */
  start(): Promise<T>;
  /** SIGKILL; resolves once the process is gone. Nothing to do when none runs. */
  kill9(): Promise<void>;
  /** The child of the last start, until it is killed. */
  readonly child: ChildProcess | undefined;
}

export function killableChild<T>(options: KillableChildOptions<T>): KillableChild<T> {
  let current: ChildProcess | undefined;

  async function kill9(): Promise<void> {
    const proc = current;
    current = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGKILL");
    await gone;
  }

  return {
    get child() {
      return current;
    },
    kill9,
    async start() {
      const proc = spawn(process.execPath, options.args, {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env: { ...process.env, ...options.env?.() },
        stdio: options.stdio ?? "ignore",
      });
      current = proc;
      try {
        return await options.ready(proc);
      } catch (err) {
        if (current === proc) await kill9();
        throw err;
      }
    },
  };
}

/**
 * A port nobody listens on right now, for a child that must come back on the same port after a
 * kill (its callers keep the URL). Port 0 cannot do that: each start would get another port.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
