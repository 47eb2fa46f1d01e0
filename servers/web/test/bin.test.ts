// The `aitbc-web` bin: configuration from the environment, the three pages up, a clean stop on
// SIGTERM, and a bad variable named on stderr.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "@aitbc/server-lib/testing";
import { describe, expect, it } from "vitest";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "aitbc-web.js");

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [bin], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

const until = <T>(read: () => T | undefined, what: string, ms = 15_000): Promise<T> =>
  eventually(read, what, ms, 50);

describe("aitbc-web", () => {
  it("serves the pages with the URLs of the stack.json in AITBC_DATA_DIR and stops on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "aitbc-web-bin-"));
    const stack = {
      coordinator: "http://127.0.0.1:48000",
      nodes: ["http://127.0.0.1:49000"],
      wallet: "http://127.0.0.1:50000",
      exchange: "http://127.0.0.1:53000",
      fake_bitcoin: null,
    };
    writeFileSync(join(dataDir, "stack.json"), JSON.stringify(stack));
    const p = run({
      AITBC_DATA_DIR: dataDir,
      AITBC_MARKETPLACE_PORT: "0",
      AITBC_EXPLORER_PORT: "0",
      AITBC_MINER_DASHBOARD_PORT: "0",
      AITBC_LOG_LEVEL: "info",
    });
    const listening = await until(() => {
      const line = p
        .out()
        .split("\n")
        .find((l) => l.includes("web pages listening"));
      return line ? (JSON.parse(line) as { marketplace: string }) : undefined;
    }, "the listening line");
    const config = await (await fetch(`${listening.marketplace}/config.json`)).json();
    expect(config).toMatchObject(stack);
    expect(config.marketplace).toBe(listening.marketplace);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("exits 1 naming a bad variable", async () => {
    const p = run({
      AITBC_DATA_DIR: mkdtempSync(join(tmpdir(), "aitbc-web-bin-")),
      AITBC_EXPLORER_PORT: "x",
    });
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain("AITBC_EXPLORER_PORT must be an integer");
  });
});
