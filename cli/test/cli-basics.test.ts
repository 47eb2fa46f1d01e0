import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAitbc } from "./run-aitbc.js";

const emptyDir = () => mkdtempSync(join(tmpdir(), "aitbc-cli-"));

/** A port nothing listens on: taken from the OS and released again. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe("aitbc command line", () => {
  it("lists every verb of scripts/aitbc-cli.sh in --help", async () => {
    const run = await runAitbc(["--help"]);
    expect(run.code).toBe(0);
    for (const verb of [
      "health",
      "submit inference",
      "status",
      "results",
      "receipts",
      "browser",
      "services",
      "wallet balance",
      "admin-miners",
      "admin-jobs",
      "admin-stats",
      "admin-requeue-batch",
    ]) {
      expect(run.stdout).toContain(verb);
    }
  });

  it("shows help and exits 2 without a command", async () => {
    const run = await runAitbc([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Usage: aitbc <command>");
  });

  it("rejects an unknown command with the list of commands", async () => {
    const run = await runAitbc(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(run.stderr).toContain("health");
    expect(run.stdout).toBe("");
  });

  it("suggests the command a typo was meant to be, and shows one command's help with help <command>", async () => {
    const typo = await runAitbc(["stauts", "abc"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown command "stauts". Did you mean "status"?');
    const far = await runAitbc(["frobnicate"]);
    expect(far.stderr).not.toContain("Did you mean");

    const help = await runAitbc(["help", "jobs"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: aitbc jobs [--status S]");
    expect(help.stdout).toContain("Examples:");
    expect((await runAitbc(["help", "jbos"])).stderr).toContain('Did you mean "jobs"?');
  });

  it("completes commands and their flags in bash, and prints zsh and fish scripts", async () => {
    const bash = await runAitbc(["completion", "bash"]);
    expect(bash.code).toBe(0);
    const script = join(emptyDir(), "aitbc.bash");
    writeFileSync(script, bash.stdout);
    const complete = (words: string[]) =>
      execFileSync(
        "bash",
        [
          "-c",
          `source "$0"; COMP_WORDS=(${words.join(" ")}); COMP_CWORD=${words.length - 1}; _aitbc; echo "\${COMPREPLY[@]}"`,
          script,
        ],
        { encoding: "utf8" },
      ).trim();
    expect(complete(["aitbc", "sta"])).toBe("status");
    expect(complete(["aitbc", "jobs", "--st"])).toBe("--status");
    expect(complete(["aitbc", "help", "earn"])).toBe("earnings");
    expect(complete(["aitbc", "dep"])).toBe("deposit");
    expect(complete(["aitbc", "deposit", "w"])).toBe("withdraw");
    expect(complete(["aitbc", "deposit", "add", "--js"])).toBe("--json");
    for (const shell of ["zsh", "fish"]) {
      const script = await runAitbc(["completion", shell]);
      expect(script.code).toBe(0);
      expect(script.stdout).toContain("earnings");
    }
    expect((await runAitbc(["completion", "tcsh"])).code).toBe(2);
  });

  it("deposit: help names every step; a bad amount or step is a usage error that never reaches a server", async () => {
    const help = await runAitbc(["help", "deposit"]);
    expect(help.code).toBe(0);
    for (const usage of [
      "deposit add <amount>",
      "deposit show",
      "deposit withdraw",
      "deposit release",
    ])
      expect(help.stdout).toContain(usage);
    // No stack: a command that reached for one would exit 3, not 2.
    const env = { AITBC_WALLET_URL: await deadUrl(), AITBC_API_KEY: "k" };
    for (const [args, message] of [
      [
        ["deposit", "add", "0"],
        'The amount must be a positive AITBC amount with at most 6 decimals, got "0"',
      ],
      [["deposit", "add", "1.1234567"], "at most 6 decimals"],
      [["deposit", "add", "ten"], 'got "ten"'],
      [["deposit", "add"], "Missing the amount to add"],
      [["deposit", "show", "extra"], 'Unexpected argument "extra"'],
      [["deposit", "empty"], 'Unknown deposit command "empty": use add, show, withdraw, release'],
    ] as const) {
      const run = await runAitbc([...args], { env, cwd: emptyDir() });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it("bond: help names every step, completion knows them, and a bad amount or step never reaches a server", async () => {
    const help = await runAitbc(["help", "bond"]);
    expect(help.code).toBe(0);
    for (const usage of ["bond lock <amount>", "bond show", "bond unlock", "bond release"])
      expect(help.stdout).toContain(usage);
    const script = await runAitbc(["completion", "bash"]);
    expect(script.stdout).toContain("unlock");
    const env = { AITBC_WALLET_URL: await deadUrl(), AITBC_API_KEY: "k" };
    for (const [args, message] of [
      [["bond", "lock", "0"], 'got "0"'],
      [["bond", "lock", "1.1234567"], "at most 6 decimals"],
      [["bond", "lock"], "Missing the amount to lock"],
      [["bond", "show", "extra"], 'Unexpected argument "extra"'],
      [["bond", "slash"], 'Unknown bond command "slash": use lock, show, unlock, release'],
    ] as const) {
      const run = await runAitbc([...args], { env, cwd: emptyDir() });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it("rejects an unknown flag and points at --help", async () => {
    const run = await runAitbc(["health", "--bogus"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--bogus'/);
    expect(run.stderr).toContain("aitbc health --help");
  });

  it("rejects an unknown --as role", async () => {
    const run = await runAitbc(["health", "--as", "root"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--as must be one of customer, provider, admin");
  });

  it("says the stack is not running, and how to start it, when nothing answers", async () => {
    const url = await deadUrl();
    const env = { AITBC_COORDINATOR_URL: url, AITBC_NODE_URL: url, AITBC_WALLET_URL: url };
    const run = await runAitbc(["health"], { env, cwd: emptyDir() });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/coordinator .*❌/);
    expect(run.stderr).toContain("npm start");
  });

  it("prints plain words without emoji when piped or with NO_COLOR, unless --emoji asks for them", async () => {
    const url = await deadUrl();
    const env = { AITBC_COORDINATOR_URL: url, AITBC_NODE_URL: url, AITBC_WALLET_URL: url };
    const piped = await runAitbc(["health"], { env, cwd: emptyDir(), stdoutIsTerminal: false });
    expect(piped.code).toBe(3);
    expect(piped.stdout).toMatch(/^coordinator +http\S+ +down/m);
    expect(piped.stdout + piped.stderr).not.toMatch(/\p{Extended_Pictographic}/u);
    // The columns still line up: every service's status starts where the header's does.
    const lines = piped.stdout.split("\n");
    const column = lines[0]!.indexOf("status");
    const rows = lines.filter((l) => /^(coordinator|node|wallet) /.test(l));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.slice(column)).toMatch(/^down /);

    const noColor = await runAitbc(["health"], { env: { ...env, NO_COLOR: "1" }, cwd: emptyDir() });
    expect(noColor.stdout).not.toMatch(/\p{Extended_Pictographic}/u);
    const asked = await runAitbc(["health", "--emoji"], {
      env: { ...env, NO_COLOR: "1" },
      cwd: emptyDir(),
      stdoutIsTerminal: false,
    });
    expect(asked.stdout).toMatch(/coordinator .*❌ down/);
  });

  it("prints machine-readable health and error with --json", async () => {
    const url = await deadUrl();
    const env = { AITBC_COORDINATOR_URL: url, AITBC_NODE_URL: url, AITBC_WALLET_URL: url };
    const run = await runAitbc(["health", "--json"], { env, cwd: emptyDir() });
    expect(run.code).toBe(3);
    const body = JSON.parse(run.stdout) as { services: Array<{ service: string; status: string }> };
    expect(body.services.map((s) => s.service)).toEqual(["coordinator", "node", "wallet"]);
    expect(body.services.every((s) => s.status === "down")).toBe(true);
    const error = JSON.parse(run.stderr) as { error: { code: string; hint: string } };
    expect(error.error.code).toBe("stack_unreachable");
    expect(error.error.hint).toContain("npm start");
  });

  it("prints its version", async () => {
    const run = await runAitbc(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
