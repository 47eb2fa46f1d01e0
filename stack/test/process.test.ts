import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SupervisedProcess } from "../src/process/supervised-process.js";
import { acquireStackLock, isAlive, StackRunningError } from "../src/process/stack-lock.js";
import { resetStack } from "../src/reset-stack.js";
import { stackPaths } from "../src/files/stack-paths.js";
import { summarizeLogLine } from "../src/report/log-summary.js";
import { RepeatFilter } from "../src/report/repeat-filter.js";

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
const tempDir = () => mkdtempSync(join(tmpdir(), "aitbc-stack-proc-"));

async function until(check: () => boolean, ms = 5000) {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error("condition not met in time");
    },
    { timeout: ms, interval: 20 },
  );
}

describe("the parent watch", () => {
  it("notices when the process that started it goes away, and not before", async () => {
    const out = join(tempDir(), "state");
    // A middle process (as npm is) starts the watcher, then exits without passing anything on.
    const middle = spawn(
      process.execPath,
      [
        "-e",
        `const c = require("node:child_process").spawn(process.execPath, ${JSON.stringify([
          fixture("orphan-watcher.mjs"),
          out,
        ])}, { stdio: "ignore" }); process.stdin.once("data", () => process.exit(0));`,
      ],
      { stdio: ["pipe", "ignore", "inherit"] },
    );
    const read = () => {
      try {
        return readFileSync(out, "utf8");
      } catch {
        return "";
      }
    };
    await until(() => read() === "watching");
    await new Promise((r) => setTimeout(r, 300));
    expect(read()).toBe("watching");
    middle.stdin!.write("go");
    await until(() => read() === "gone");
  });
});

describe("supervised process", () => {
  it("logs stdout and stderr to its file, hands lines to the listener, and stops on SIGTERM", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const proc = new SupervisedProcess(
      {
        name: "chatty",
        script: fixture("chatty-service.mjs"),
        env: { ...process.env } as Record<string, string>,
        logFile: join(dir, "logs/chatty.log"),
      },
      (service, line) => lines.push(`${service}:${line}`),
    );
    await until(() => lines.length >= 4);
    expect(lines).toContain("chatty:plain hello");
    expect(lines).toContain("chatty:to stderr");
    const exit = await proc.stop(5000);
    expect(exit).toEqual({ code: 0, signal: null, expected: true });
    const log = readFileSync(join(dir, "logs/chatty.log"), "utf8");
    expect(log).toContain("plain hello");
    expect(log).toContain("to stderr");
    expect(log).toContain("got SIGTERM");
    expect(log).toMatch(/chatty exited \(code 0\)/);
  });

  it("reports a crash as unexpected, with the last lines", async () => {
    const dir = tempDir();
    const proc = new SupervisedProcess({
      name: "crashy",
      script: fixture("chatty-service.mjs"),
      env: { ...process.env, FIXTURE_EXIT_CODE: "3" } as Record<string, string>,
      logFile: join(dir, "crashy.log"),
    });
    const exit = await proc.exited;
    expect(exit).toEqual({ code: 3, signal: null, expected: false });
    expect(proc.running).toBe(false);
    expect(proc.tail()).toContain("plain hello");
  });

  it("kills a process that ignores SIGTERM once the grace period is over", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const proc = new SupervisedProcess(
      {
        name: "stubborn",
        script: fixture("stubborn-service.mjs"),
        env: { ...process.env } as Record<string, string>,
        logFile: join(dir, "s.log"),
      },
      (_s, line) => lines.push(line),
    );
    await until(() => lines.includes("ready"));
    const exit = await proc.stop(300);
    expect(exit.signal).toBe("SIGKILL");
    expect(exit.expected).toBe(true);
    expect(readFileSync(join(dir, "s.log"), "utf8")).toContain("SIGKILL");
  });
});

describe("supervised process kill", () => {
  it("kills at once, for exit handlers that cannot wait", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const proc = new SupervisedProcess(
      {
        name: "stubborn",
        script: fixture("stubborn-service.mjs"),
        env: { ...process.env } as Record<string, string>,
        logFile: join(dir, "k.log"),
      },
      (_s, line) => lines.push(line),
    );
    await until(() => lines.includes("ready"));
    proc.kill();
    const exit = await proc.exited;
    expect(exit).toEqual({ code: null, signal: "SIGKILL", expected: true });
  });
});

describe("a supervisor killed with SIGKILL", () => {
  it("leaves no service behind: a polite one stops on its own, a stubborn one is killed after the grace", async () => {
    const dir = tempDir();
    const out = join(dir, "pids");
    const supervisor = spawn(process.execPath, [fixture("mini-supervisor.mjs"), out, dir], {
      stdio: "ignore",
    });
    await until(() => {
      try {
        return readFileSync(out, "utf8").length > 0;
      } catch {
        return false;
      }
    });
    const [polite, stubborn] = JSON.parse(readFileSync(out, "utf8")) as [number, number];
    expect(isAlive(polite) && isAlive(stubborn)).toBe(true);
    const killedAt = Date.now();
    supervisor.kill("SIGKILL");
    await until(() => !isAlive(polite), 5000);
    await until(() => !isAlive(stubborn), 5000);
    // The stubborn one ignored SIGTERM: it went only when the grace (500 ms) was over.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(500);
  }, 15_000);
});

describe("the supervisor watch inside a service", () => {
  it("leaves the service's own helper processes alone", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const proc = new SupervisedProcess(
      {
        name: "forking",
        script: fixture("forking-service.mjs"),
        env: { ...process.env } as Record<string, string>,
        logFile: join(dir, "f.log"),
      },
      (_s, line) => lines.push(line),
    );
    await until(() => lines.some((l) => l.startsWith("helper")));
    expect(lines).toContain("helper alive");
    await proc.stop(2000);
  });
});

describe("stack lock and reset", () => {
  it("refuses a second stack and a reset while the first one's launcher is alive", async () => {
    const dir = tempDir();
    const paths = stackPaths(dir);
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
      stdio: "ignore",
    });
    try {
      writeFileSync(
        paths.pidFile,
        JSON.stringify({ pid: other.pid, started_at: new Date().toISOString(), children: [] }),
      );
      await expect(acquireStackLock(paths.pidFile, dir)).rejects.toBeInstanceOf(StackRunningError);
      expect(() => resetStack(dir)).toThrow(/already running.*kill/);
      expect(readFileSync(paths.pidFile, "utf8")).toContain(String(other.pid));
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("stops services left behind by a launcher that was killed, then takes over", async () => {
    const dir = tempDir();
    const paths = stackPaths(dir);
    const script = fixture("chatty-service.mjs");
    const orphan = spawn(process.execPath, [script], { stdio: "ignore" });
    const deadLauncher = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => deadLauncher.once("exit", r));
    writeFileSync(
      paths.pidFile,
      JSON.stringify({
        pid: deadLauncher.pid,
        started_at: "",
        children: [{ name: "node-0", pid: orphan.pid, script }],
      }),
    );
    const lock = await acquireStackLock(paths.pidFile, dir);
    expect(lock.leftovers).toEqual([{ name: "node-0", pid: orphan.pid }]);
    await until(() => orphan.exitCode !== null || orphan.signalCode !== null);
    expect(isAlive(orphan.pid!)).toBe(false);
    lock.release();
  });

  it("reset removes a stopped stack's data dir, and refuses a directory that is not one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "stack.json"), "{}");
    writeFileSync(join(dir, "secrets.json"), "{}");
    expect(resetStack(dir)).toEqual({ dataDir: dir, removed: true });
    expect(resetStack(dir)).toEqual({ dataDir: dir, removed: false });

    const foreign = tempDir();
    writeFileSync(join(foreign, "thesis.tex"), "important");
    expect(() => resetStack(foreign)).toThrow(/does not look like an AITBC data dir/);
    expect(readFileSync(join(foreign, "thesis.tex"), "utf8")).toBe("important");
  });
});

describe("terminal summary", () => {
  it("shows a service's own messages and warnings but not one line per request", () => {
    expect(summarizeLogLine(JSON.stringify({ level: 30, msg: "listening on :18000" }))).toEqual({
      level: "info",
      text: "listening on :18000",
    });
    expect(
      summarizeLogLine(JSON.stringify({ level: 30, msg: "request completed", req: {}, res: {} })),
    ).toBeUndefined();
    expect(
      summarizeLogLine(
        JSON.stringify({ level: 50, msg: "request errored", req: {}, err: { message: "boom" } }),
      ),
    ).toEqual({
      level: "error",
      text: "request errored: boom",
    });
    expect(summarizeLogLine("plain text")).toEqual({ level: "info", text: "plain text" });
    expect(summarizeLogLine(JSON.stringify({ level: 20, msg: "debug detail" }))).toBeUndefined();
    expect(
      summarizeLogLine(JSON.stringify({ level: 30, msg: "request completed", req: {} }), true),
    ).toBeDefined();
  });
});

describe("repeat filter", () => {
  it("shows a repeated message again only after the quiet period", () => {
    let now = 0;
    const filter = new RepeatFilter(1000, () => now);
    expect(filter.admit("node-0", "fork resolved")).toBe(true);
    now = 500;
    expect(filter.admit("node-0", "fork resolved")).toBe(false);
    expect(filter.admit("node-1", "fork resolved")).toBe(true);
    expect(filter.admit("node-0", "listening")).toBe(true);
    now = 1600;
    expect(filter.admit("node-0", "fork resolved")).toBe(true);
  });
});
