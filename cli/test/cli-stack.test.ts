// The CLI against a real stack started by startStack on free ports: the documented verbs, their
// output, their exit codes, and the failures a user will meet.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAitbcClient } from "@aitbc/sdk";
import { startStack, type RunningStack } from "@aitbc/stack";
import { runCli } from "../src/run.js";
import { runAitbc } from "./run-aitbc.js";

const dataDir = mkdtempSync(join(tmpdir(), "aitbc-cli-e2e-"));
const elsewhere = mkdtempSync(join(tmpdir(), "aitbc-cli-cwd-"));
let stack: RunningStack | undefined;
const env = () => ({ AITBC_DATA_DIR: dataDir });
const aitbc = (...args: string[]) => runAitbc(args, { env: env(), cwd: elsewhere });
const submitArgs = [
  "submit",
  "inference",
  "--prompt",
  "Hello AITBC",
  "--model",
  "aitbc-tiny:latest",
  "--ttl",
  "900",
];

/** Submits an inference job through the CLI, as a customer would, and returns its id. */
async function submitJob(): Promise<string> {
  const run = await aitbc(...submitArgs);
  expect(run.code).toBe(0);
  return /Job ID: ([0-9a-f]{32})/.exec(run.stdout)![1]!;
}

/** A job of the calling test's own, followed with `status --watch` until it completed and settled. */
async function completedJob(): Promise<string> {
  const jobId = await submitJob();
  const watched = await aitbc("status", jobId, "--watch");
  expect(watched.stdout).toMatch(/Payment: 💸 settled/);
  return jobId;
}

beforeAll(async () => {
  stack = await startStack({
    dataDir,
    ports: "free",
    logLevel: "warn",
    env: { ...process.env, AITBC_LOG_LEVEL: "warn" },
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe("aitbc against a running stack", () => {
  it("health: every service ok, exit 0", async () => {
    const run = await aitbc("health");
    expect(run.code).toBe(0);
    for (const name of ["coordinator", "node-0", "node-1", "node-2", "wallet"])
      expect(run.stdout).toMatch(new RegExp(`${name} .*✅ ok`));
    expect(run.stdout).toContain("URLs from stack.json");
  });

  it("services: the dev service with the offline model", async () => {
    const run = await aitbc("services", "--model", "aitbc-tiny:latest", "--available-now");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(stack!.credentials.provider.service_id);
    const json = JSON.parse((await aitbc("services", "--max-price", "50", "--json")).stdout);
    expect(json.services.map((s: { service_id: string }) => s.service_id)).not.toContain(
      stack!.credentials.provider.service_id,
    );
  });

  it("submit inference prints the documented lines and the job id", async () => {
    const run = await aitbc(...submitArgs);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✅ Job submitted successfully!\n {3}Job ID: [0-9a-f]{32}\n/);
  });

  it("status --watch follows the job to completed and shows the settled payment", async () => {
    const jobId = await submitJob();
    const run = await aitbc("status", jobId, "--watch");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Job ID:`);
    expect(run.stdout).toMatch(/✅ completed/);
    expect(run.stdout).toMatch(/Payment: 💸 settled/);
  }, 60_000);

  it("results and receipts --verify show a paid, verified job", async () => {
    const jobId = await completedJob();
    const results = await aitbc("results", jobId);
    expect(results.code).toBe(0);
    expect(results.stdout).toContain("Output:");
    expect(results.stdout).toMatch(/Signed by: +provider:.*coordinator:/);
    const receipts = await aitbc("receipts", "--job-id", jobId, "--verify");
    expect(receipts.code).toBe(0);
    expect(receipts.stdout).toContain("✅ 1 receipt(s) verified");
    const json = JSON.parse(
      (await aitbc("receipts", "--job-id", jobId, "--verify", "--json")).stdout,
    );
    expect(json.verification[0]).toMatchObject({
      job_id: jobId,
      valid: true,
      signatures_valid: true,
      anchored: true,
    });
  }, 60_000);

  it("browser, wallet balance and the admin verbs answer", async () => {
    const jobId = await completedJob();
    const browser = await aitbc("browser", "--block-limit", "3");
    expect(browser.code).toBe(0);
    expect(browser.stdout).toContain("Latest blocks");
    expect(browser.stdout).not.toContain("Latest receipts");
    const wallet = await aitbc("wallet", "balance", "--json");
    expect(wallet.code).toBe(0);
    expect(JSON.parse(wallet.stdout)).toMatchObject({
      currency: "AITBC",
      address: stack!.credentials.customer.address,
    });
    const miners = await aitbc("admin-miners");
    expect(miners.code).toBe(0);
    expect(miners.stdout).toMatch(/🟢 online/);
    const jobs = await aitbc("admin-jobs", "--status", "completed");
    expect(jobs.stdout).toContain(jobId);
    const stats = JSON.parse((await aitbc("admin-stats", "--json")).stdout);
    expect(stats.jobs_by_status.completed).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("an unknown job is a not-found error with a hint, exit 1", async () => {
    const run = await aitbc("status", "0".repeat(32));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/✖ /);
    expect(run.stderr).toContain("aitbc admin-jobs");
    const json = JSON.parse((await aitbc("status", "0".repeat(32), "--json")).stderr);
    expect(json.error).toMatchObject({ code: "not_found", status: 404 });
  });

  it("a model nobody serves is refused with the reasons, and no money moves", async () => {
    const before = JSON.parse((await aitbc("wallet", "balance", "--json")).stdout);
    const run = await aitbc(
      "submit",
      "inference",
      "--prompt",
      "Train a ResNet model on ImageNet",
      "--model",
      "llama3.2:latest",
      "--ttl",
      "900",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("llama3.2:latest");
    expect(run.stderr).toContain("aitbc-tiny:latest");
    const tooMuch = await aitbc(
      "submit",
      "inference",
      "--prompt",
      "x",
      "--model",
      "aitbc-tiny:latest",
      "--budget",
      "100000000",
    );
    expect(tooMuch.code).toBe(1);
    expect(
      JSON.parse(
        (
          await aitbc(
            "submit",
            "inference",
            "--prompt",
            "x",
            "--model",
            "aitbc-tiny:latest",
            "--budget",
            "100000000",
            "--json",
          )
        ).stderr,
      ).error.code,
    ).toBe("insufficient_funds");
    const after = JSON.parse((await aitbc("wallet", "balance", "--json")).stdout);
    expect(after.balance_micro).toBe(before.balance_micro);
  });

  it("bad flags are usage errors (exit 2) that never reach the server", async () => {
    expect(
      (await aitbc("submit", "inference", "--prompt", "x", "--model", "m", "--budget", "0")).code,
    ).toBe(2);
    expect(
      (await aitbc("submit", "inference", "--prompt", "x", "--model", "m", "--budget", "1.1234567"))
        .code,
    ).toBe(2);
    expect((await aitbc("submit", "inference", "--model", "m")).stderr).toContain(
      "--prompt is required",
    );
    expect((await aitbc("submit", "training", "--prompt", "x", "--model", "m")).code).toBe(2);
    expect((await aitbc("receipts", "--limit", "many")).code).toBe(2);
    expect((await aitbc("status")).stderr).toContain("Missing job id");
  });

  it("a refused key says where the key came from", async () => {
    const run = await runAitbc(["wallet", "balance"], {
      env: { ...env(), AITBC_API_KEY: "not-a-real-key-0000000000" },
      cwd: elsewhere,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("AITBC_API_KEY");
  });

  it("Ctrl-C stops watching without touching the job", async () => {
    const s = stack!;
    const customer = createAitbcClient({
      coordinatorUrl: s.urls.coordinator,
      apiKey: s.credentials.customer.api_key,
    });
    // A training job waits in the queue: no miner advertises model_training.
    const job = await customer.coordinator.createJob({
      body: {
        service_id: s.credentials.provider.service_id,
        // No framework: the dev service lists only llama.cpp, so PyTorch would be refused.
        requirements: { task_type: "model_training", dataset_size: "10GB" },
        budget: { max_cost: 5, currency: "AITBC" },
        ttl_seconds: 120,
      },
    });
    const controller = new AbortController();
    let stdout = "";
    const code = await runCli(["status", job.job_id, "--watch"], {
      stdout: (t) => {
        stdout += t;
        if (stdout.includes("[1] ")) controller.abort();
      },
      stderr: () => {},
      interactive: false,
      env: env(),
      cwd: elsewhere,
      signal: controller.signal,
    });
    expect(code).toBe(0);
    expect(stdout).toContain("Stopped watching; the job keeps running");
    expect((await customer.coordinator.getJobStatus({ path: { job_id: job.job_id } })).status).toBe(
      "queued",
    );
    await customer.coordinator.cancelJob({ path: { job_id: job.job_id } });
  });

  it("the installed bin exits with the same codes as a real process", async () => {
    const bin = resolve(import.meta.dirname, "../bin/aitbc.js");
    const ok = await promisify(execFile)(process.execPath, [bin, "health"], {
      env: { ...process.env, ...env() },
      cwd: elsewhere,
    });
    expect(ok.stdout).toContain("coordinator");
    const failed = await promisify(execFile)(process.execPath, [bin, "status", "f".repeat(32)], {
      env: { ...process.env, ...env() },
      cwd: elsewhere,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
  });
});
