// One service of the stack as a child process: its output goes to its log file, each line is also
// offered to a listener (the terminal summary), the last lines are kept for crash reports, and
// stop() asks politely (SIGTERM) before it insists (SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { dieWithSupervisorArgs } from "./die-with-supervisor.js";

export interface ProcessSpec {
  name: string;
  /** The script to run with this Node binary (a package's dist/main.js). */
  script: string;
  args?: string[];
  env: Record<string, string>;
  logFile: string;
  cwd?: string;
  /**
   * If this process dies without stopping the child, how long the child's own clean stop may
   * take before its process group is killed (default 5000 ms).
   */
  orphanGraceMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it; false for a crash or an unexpected exit. */
  expected: boolean;
}

export type LineListener = (service: string, line: string, stream: "stdout" | "stderr") => void;

const TAIL_LINES = 40;

export class SupervisedProcess {
  readonly name: string;
  readonly logFile: string;
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly lastLines: string[] = [];
  private stopping = false;
  private exitInfo: ExitInfo | undefined;

  constructor(spec: ProcessSpec, onLine?: LineListener) {
    this.name = spec.name;
    this.logFile = spec.logFile;
    mkdirSync(dirname(spec.logFile), { recursive: true });
    this.log = createWriteStream(spec.logFile, { flags: "a" });
    this.log.write(`\n--- ${new Date().toISOString()} starting ${spec.name}\n`);
    // A process group of its own: Ctrl-C reaches the launcher only, which then stops the
    // services in order instead of all of them racing each other.
    // The child watches this process too: if it is killed outright (SIGKILL, OOM), nothing here
    // can stop the child, so it stops itself.
    this.child = spawn(
      process.execPath,
      [
        ...dieWithSupervisorArgs({ graceMs: spec.orphanGraceMs }),
        spec.script,
        ...(spec.args ?? []),
      ],
      {
        env: spec.env,
        cwd: spec.cwd,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      },
    );
    for (const stream of ["stdout", "stderr"] as const) {
      const source = this.child[stream]!;
      source.pipe(this.log, { end: false });
      createInterface({ input: source, crlfDelay: Infinity }).on("line", (line) => {
        this.lastLines.push(line);
        if (this.lastLines.length > TAIL_LINES) this.lastLines.shift();
        onLine?.(this.name, line, stream);
      });
    }
    this.exited = new Promise<ExitInfo>((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exitInfo) return;
        const info: ExitInfo = { code, signal, expected: this.stopping };
        this.exitInfo = info;
        // Resolve once the log is flushed, so whoever reacts to the exit can read the whole log.
        this.log.end(
          `--- ${new Date().toISOString()} ${spec.name} exited (${describeExit(info)})\n`,
          () => resolve(info),
        );
      };
      // "close", not "exit": the last lines are still in the pipes when the process exits.
      this.child.once("close", finish);
      this.child.once("error", (err) => {
        this.lastLines.push(`failed to start: ${err.message}`);
        finish(null, null);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** The last lines the process printed, newest last. */
  tail(): string[] {
    return [...this.lastLines];
  }

  /** SIGTERM, wait up to graceMs, then SIGKILL. Resolves when the process is gone. */
  async stop(graceMs = 10_000): Promise<ExitInfo> {
    if (this.exitInfo) return this.exitInfo;
    this.stopping = true;
    this.signal("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), graceMs);
    });
    const first = await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    if (first === "timeout") {
      this.log.write(`--- ${this.name} did not stop within ${graceMs} ms: SIGKILL\n`);
      this.signal("SIGKILL");
    }
    return this.exited;
  }

  /** SIGKILL now, synchronously (for process exit handlers, where nothing can be awaited). */
  kill(): void {
    if (this.exitInfo) return;
    this.stopping = true;
    this.signal("SIGKILL");
  }

  private signal(signal: NodeJS.Signals) {
    try {
      // SIGKILL goes to the whole process group so that helpers the service spawned go too.
      if (signal === "SIGKILL" && this.child.pid) process.kill(-this.child.pid, signal);
      else this.child.kill(signal);
    } catch {
      // Already gone: the exit handler reports it.
    }
  }
}

export function describeExit(info: Pick<ExitInfo, "code" | "signal">): string {
  if (info.signal) return `signal ${info.signal}`;
  if (info.code === null) return "did not start";
  return `code ${info.code}`;
}
