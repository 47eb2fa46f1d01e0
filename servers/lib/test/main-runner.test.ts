// runMain: a server that hits an error nobody handles logs it and exits non-zero, rather than
// running on in an unknown state.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const fixture = join(import.meta.dirname, "fixtures", "crash-after-start.mjs");

function run(how: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [fixture, how], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    }),
  );
}

function fatalLines(out: string): Array<Record<string, unknown>> {
  return out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.level === 60);
}

describe("runMain", () => {
  it("logs an unhandled rejection as fatal and exits 1", async () => {
    const { code, out, err } = await run("rejection");
    expect(code).toBe(1);
    const [fatal] = fatalLines(out);
    expect(fatal?.msg).toBe("crasher: unhandled rejection");
    expect((fatal?.err as { message: string }).message).toBe("nobody awaited this");
    expect(err).toContain("crasher: unhandled rejection: Error: nobody awaited this");
  });

  it("logs an uncaught exception as fatal and exits 1", async () => {
    const { code, out, err } = await run("exception");
    expect(code).toBe(1);
    const [fatal] = fatalLines(out);
    expect(fatal?.msg).toBe("crasher: uncaught exception");
    expect((fatal?.err as { message: string }).message).toBe("thrown from a timer");
    expect(err).toContain("crasher: uncaught exception: Error: thrown from a timer");
  });
});
