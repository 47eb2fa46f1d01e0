// One Prism server as a child process: a mock of a spec, or (with `upstream`) a validating proxy
// in front of an implementation. Prism's own entry script runs under this Node binary, so the
// child's PID is Prism itself and stopping it stops the server. Every started process is
// remembered and killed when this process exits, also after a crash or an uncaught error.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface PrismProcess {
  name: string;
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
  /** Settles when the process has exited, for whatever reason. */
  exited: Promise<void>;
  /** The last lines Prism printed, for error messages. */
  output(): string;
}

export interface StartPrismOptions {
  name: string;
  specFile: string;
  port: number;
  host?: string;
  readyTimeoutMs?: number;
  /** Called with each line Prism prints (request logs, violations). */
  onLine?: (line: string) => void;
  /**
   * `prism proxy <spec> <upstream>` instead of `prism mock`: requests are validated and forwarded
   * to this URL, and the upstream's responses are validated against the spec.
   */
  upstream?: string;
  /** `--errors`: a request or response that breaks the spec becomes Prism's own error answer. */
  errors?: boolean;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

export function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
  const pkg = require(pkgPath) as { bin: Record<string, string> };
  return join(dirname(pkgPath), pkg.bin.prism!);
}

export async function startPrism(options: StartPrismOptions): Promise<PrismProcess> {
  installExitHook();
  const host = options.host ?? "127.0.0.1";
  const command = options.upstream
    ? ["proxy", options.specFile, options.upstream]
    : ["mock", options.specFile];
  const args = [...command, "-p", String(options.port), "-h", host];
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, [prismEntry(), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => running.delete(child));

  const lines: string[] = [];
  let onReady: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  // Output arrives in arbitrary chunks; only whole lines are looked at.
  const partial = { stdout: "", stderr: "" };
  const onData = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    const text = partial[stream] + chunk.toString("utf8");
    const complete = text.split("\n");
    partial[stream] = complete.pop() ?? "";
    for (const line of complete) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 50) lines.shift();
      options.onLine?.(line);
      if (line.includes("Prism is listening")) onReady?.();
    }
  };
  child.stdout!.on("data", onData("stdout"));
  child.stderr!.on("data", onData("stderr"));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => "ready" as const),
    exited.then(() => "exited" as const),
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== "ready") {
    await stop();
    const why =
      outcome === "exited" ? `exited with ${child.exitCode}` : `not ready after ${timeoutMs} ms`;
    const what = options.upstream ? `proxy for ${options.upstream}` : "mock";
    throw new Error(`Prism ${what} of ${options.name} ${why}:\n${lines.slice(-10).join("\n")}`);
  }
  return {
    name: options.name,
    url: `http://${host}:${options.port}`,
    port: options.port,
    pid: child.pid!,
    stop,
    exited,
    output: () => lines.join("\n"),
  };
}
