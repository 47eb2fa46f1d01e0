// What docs/getting-started.md tells an outside developer to do, done in an empty temp project:
// pack the packages it names from this repository, install the tarballs (third-party
// dependencies come from the npm registry), paste the guide's script and the SDK README's first
// snippet, and run them against a running stack. The scripts are read from the documents
// themselves, so the documents cannot drift from what works.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codeBlocks } from "../../src/markdown-code.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const GUIDE = readFileSync(join(ROOT, "docs/getting-started.md"), "utf8");
const SDK_README = readFileSync(join(ROOT, "sdk/README.md"), "utf8");
const NPM_ENV = {
  ...process.env,
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

const stack = inject("outsiderStack");
let workDir = "";
let app = "";

/** What a developer exports after reading the guide: the coordinator and the customer's key. */
function userEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AITBC_COORDINATOR_URL: stack.urls.coordinator,
    AITBC_NODE_URL: stack.urls.nodes[0],
    AITBC_WALLET_URL: stack.urls.wallet,
    AITBC_API_KEY: stack.credentials.customer.api_key,
  };
}

async function runIn(
  cwd: string,
  file: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: userEnv(), timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === "number" ? e.code : 1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? "",
    };
  }
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "aitbc-outsider-"));
  const packages = join(workDir, "aitbc-packages");
  app = join(workDir, "hello-aitbc");
  mkdirSync(packages);
  mkdirSync(app);
  const pack = packCommand(GUIDE);
  await run("npm", [...pack, "--pack-destination", packages], { cwd: ROOT, env: NPM_ENV });
  await run("npm", ["init", "-y"], { cwd: app, env: NPM_ENV });
  await run("npm", ["pkg", "set", "type=module"], { cwd: app, env: NPM_ENV });
  const tarballs = readdirSync(packages).map((f) => join(packages, f));
  await run("npm", ["install", "--prefer-offline", ...tarballs], { cwd: app, env: NPM_ENV });
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The guide's `npm pack -w … -w …` line, as arguments (the destination is the test's own). */
function packCommand(markdown: string): string[] {
  const line = codeBlocks(markdown, "sh")
    .flatMap((b) => b.code.split("\n"))
    .find((l) => /^npm pack /.test(l.trim()));
  if (!line) throw new Error("docs/getting-started.md: no `npm pack` line");
  const words = line.trim().split(/\s+/);
  const cut = words.indexOf("--pack-destination");
  return cut === -1 ? words.slice(1) : words.slice(1, cut);
}

describe("getting started from the tarballs, in an empty project", () => {
  it("the guide packs the SDK, the CLI, the conformance suite and the spec they depend on", () => {
    const named = packCommand(GUIDE).filter((w) => w.startsWith("@aitbc/"));
    expect(named.sort()).toEqual(["@aitbc/cli", "@aitbc/conformance", "@aitbc/sdk", "@aitbc/spec"]);
    expect(readdirSync(join(app, "node_modules/@aitbc")).sort()).toEqual([
      "cli",
      "conformance",
      "sdk",
      "spec",
    ]);
  });

  it("the guide's script submits a job, follows it live, gets the results and verifies the receipt", async () => {
    const [script] = codeBlocks(GUIDE, "js", "hello.mjs");
    expect(script, "docs/getting-started.md: a ```js hello.mjs block").toBeDefined();
    writeFileSync(join(app, "hello.mjs"), script!.code);
    const result = await runIn(app, process.execPath, ["hello.mjs"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Job [0-9a-f]{32}: 5 AITBC locked in escrow/);
    expect(result.stdout).toMatch(/status: running/);
    expect(result.stdout).toMatch(/finished: completed/);
    expect(result.stdout).toMatch(
      /Paid [0-9.]+ AITBC to the provider, [0-9.]+ AITBC back to you \(tx 0x[0-9a-f]{64}\)/,
    );
    expect(result.stdout).toContain("Receipt verified: provider and coordinator signatures valid");

    const jobId = /Job ([0-9a-f]{32})/.exec(result.stdout)![1]!;
    const cli = await runIn(app, "npx", ["aitbc", "receipts", "--job-id", jobId, "--verify"]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain("1 receipt(s) verified");
  });

  it("the SDK README's first snippet, pasted as it is, shows a verified receipt", async () => {
    const [snippet] = codeBlocks(SDK_README, "js");
    expect(snippet, "sdk/README.md: a ```js block").toBeDefined();
    writeFileSync(join(app, "first.mjs"), snippet!.code);
    const result = await runIn(app, process.execPath, ["first.mjs"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/completed/);
    expect(result.stdout).toContain("Receipt verified");
  });

  it("the conformance suite's command runs from the installed tarball", async () => {
    const help = await runIn(app, "npx", ["aitbc-conformance", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: aitbc-conformance");
  });
});
