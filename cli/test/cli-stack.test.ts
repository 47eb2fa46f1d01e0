// The CLI against a real stack started by startStack on free ports: the documented verbs, their
// output, their exit codes, and the failures a user will meet.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
    // A node that is still catching up with its peers right after the start says "degraded"
    // for a moment; the stack is healthy once every node has caught up.
    await expect
      .poll(async () => (await aitbc("health")).stdout, { timeout: 20_000, interval: 500 })
      .not.toContain("degraded");
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

  it("submit --verified-only runs on the dev service, whose CPU-only claim its miner backs", async () => {
    const details = await aitbc("services", stack!.credentials.provider.service_id);
    expect(details.stdout).toMatch(/Hardware: +verified: CPU service: miner /);
    const run = await aitbc(...submitArgs, "--verified-only");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Service: ${stack!.credentials.provider.service_id}`);
  }, 30_000);

  it("services pages with --cursor and reads every page with --all", async () => {
    const { provider } = stack!.credentials;
    const asProvider = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      apiKey: provider.api_key,
    });
    const dev = await asProvider.coordinator.getService({
      path: { service_id: provider.service_id },
    });
    for (const id of ["cli-paging-a", "cli-paging-b"])
      await asProvider.coordinator.registerService({
        body: {
          service_id: id,
          name: `Paging ${id}`,
          type: dev.type,
          specs: dev.specs,
          pricing: { rate_per_hour: dev.pricing.rate_per_hour, currency: dev.pricing.currency },
        },
      });
    const filter = ["--provider", provider.id, "--limit", "1"];
    const first = await aitbc("services", ...filter);
    expect(first.code).toBe(0);
    const cursor = /add --cursor (\S+) for the next page/.exec(first.stdout)?.[1];
    expect(cursor).toBeTruthy();
    const second = JSON.parse(
      (await aitbc("services", ...filter, "--cursor", cursor!, "--json")).stdout,
    );
    expect(second.services).toHaveLength(1);
    expect(first.stdout).not.toContain(second.services[0].service_id);

    const every = JSON.parse((await aitbc("services", ...filter, "--all", "--json")).stdout);
    expect(every.services.map((s: { service_id: string }) => s.service_id).sort()).toEqual(
      ["cli-paging-a", "cli-paging-b", provider.service_id].sort(),
    );
    expect(every.page.next_cursor).toBeNull();
    const both = await aitbc("services", "--all", "--cursor", cursor!);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--cursor and --all exclude each other");
    // They serve the dev provider's models too: take them off the market so the other tests'
    // jobs still go to the dev service.
    for (const id of ["cli-paging-a", "cli-paging-b"])
      await asProvider.coordinator.deactivateService({ path: { service_id: id } });
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
    const requeue = await aitbc("admin-requeue-batch", "0".repeat(32), "--json");
    expect(requeue.code).toBe(1);
    expect(JSON.parse(requeue.stderr).error).toMatchObject({ code: "not_found", status: 404 });
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
      stdoutIsTerminal: true,
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

describe("a customer's day with its own account", () => {
  // Its own customer, so rotating and revoking keys cannot touch the stack's dev credentials.
  async function newCustomer() {
    const admin = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      apiKey: stack!.credentials.admin.api_key,
    });
    const id = `cli-day-${Math.random().toString(36).slice(2, 8)}`;
    const account = await admin.coordinator.createAccount({
      body: { id, name: "CLI day", role: "customer" },
    });
    return { id, key: account.api_key };
  }
  const as = (key: string, ...args: string[]) => aitbc(...args, "--api-key", key);

  it("whoami names the account behind the key", async () => {
    const me = await newCustomer();
    const run = await as(me.key, "whoami");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Account: +${me.id} \\(CLI day\\)`));
    expect(run.stdout).toMatch(/Role: +customer/);
    expect(JSON.parse((await as(me.key, "whoami", "--json")).stdout)).toMatchObject({
      id: me.id,
      role: "customer",
    });
  });

  it("keys rotate shows the new key once; keys revoke makes the old one useless", async () => {
    const me = await newCustomer();
    const listed = JSON.parse((await as(me.key, "keys", "--json")).stdout);
    expect(listed.keys).toHaveLength(1);
    const oldKeyId = listed.keys[0].key_id;

    const rotate = await as(me.key, "keys", "rotate");
    expect(rotate.code).toBe(0);
    const newKey = /^ {3}(\S+)$/m.exec(rotate.stdout)?.[1];
    expect(newKey).toBeTruthy();
    expect(rotate.stdout).toMatch(/Previous key: .* works until /);
    expect((await as(newKey!, "whoami")).code).toBe(0);

    const revoke = await as(newKey!, "keys", "revoke", oldKeyId);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain(`Key ${oldKeyId}`);
    // The coordinator's key cache answers within a second of a revocation.
    await expect
      .poll(async () => (await as(me.key, "whoami")).code, { timeout: 5_000, interval: 250 })
      .toBe(1);
    expect((await as(me.key, "whoami")).stderr).toMatch(/✖ /);

    const bad = await as(newKey!, "keys", "renew");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown keys action "renew"');
  });

  it("jobs lists the customer's finished job; rate reviews it once; cancel refuses it", async () => {
    const jobId = await completedJob();

    const listed = await aitbc("jobs", "--status", "completed", "--all");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(jobId);
    const queued = JSON.parse((await aitbc("jobs", "--status", "queued", "--json")).stdout);
    expect(queued.jobs.map((j: { job_id: string }) => j.job_id)).not.toContain(jobId);
    expect((await aitbc("jobs", "--status", "done")).code).toBe(2);

    const rate = await aitbc("rate", jobId, "--rating", "4", "--review", "quick");
    expect(rate.code).toBe(0);
    expect(rate.stdout).toContain("★★★★☆");
    const again = await aitbc("rate", jobId, "--rating", "5", "--json");
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr).error).toMatchObject({ code: "already_reviewed" });
    expect((await aitbc("rate", jobId, "--rating", "9")).code).toBe(2);

    const cancel = await aitbc("cancel", jobId, "--json");
    expect(cancel.code).toBe(1);
    expect(JSON.parse(cancel.stderr).error).toMatchObject({ code: "job_not_cancellable" });
  }, 90_000);
});

describe("a provider's services from files", () => {
  it("registers from YAML once bonded, lists with mine, updates from JSON, deactivates; a bad file is a usage error", async () => {
    const admin = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      nodeUrl: stack!.urls.nodes[0],
      apiKey: stack!.credentials.admin.api_key,
    });
    const id = `cli-prov-${Math.random().toString(36).slice(2, 8)}`;
    const { api_key: key, address } = await admin.coordinator.createAccount({
      body: { id, name: "CLI provider", role: "provider" },
    });
    const dir = mkdtempSync(join(tmpdir(), "aitbc-cli-services-"));
    const yamlFile = join(dir, "service.yaml");
    writeFileSync(
      yamlFile,
      [
        `service_id: ${id}-gpu`,
        "name: Night shift GPU",
        "type: gpu_compute",
        "specs:",
        "  gpu_type: NVIDIA RTX 4090",
        "  memory: 24GB",
        "pricing:",
        "  rate_per_hour: 42",
        "  currency: AITBC",
        "",
      ].join("\n"),
    );
    const as = (...args: string[]) => aitbc("services", ...args, "--api-key", key);

    // The stack asks for a bond of 10 AITBC to list a service.
    const unbonded = await as("register", yamlFile);
    expect(unbonded.code).toBe(1);
    expect(unbonded.stderr).toContain("aitbc bond lock 10");
    expect(unbonded.stderr).toContain("Post a bond first");
    await admin.node.requestFaucet({ body: { address, amount: 10 } });
    await vi.waitFor(
      async () => {
        const a = await admin.node.getAccount({ path: { address } });
        if (a.balance_micro !== "10000000") throw new Error(`balance ${a.balance_micro}`);
      },
      { timeout: 20_000, interval: 200 },
    );
    const bonded = await aitbc("bond", "lock", "10", "--api-key", key);
    expect(bonded.code).toBe(0);
    expect(bonded.stdout).toContain("Added 10 AITBC to your bond");
    expect(bonded.stdout).toMatch(/Bond: +10 AITBC \(active\)/);

    const registered = await as("register", yamlFile);
    expect(registered.code).toBe(0);
    expect(registered.stdout).toContain(`✅ Service ${id}-gpu registered (active).`);

    // No miner of this provider is online, so nothing backs the claimed RTX 4090.
    const details = await aitbc("services", `${id}-gpu`);
    expect(details.stdout).toMatch(
      /Hardware: +unverified hardware: No miner of the provider is online/,
    );
    expect((await aitbc("services", "--provider", id)).stdout).toMatch(
      new RegExp(`${id}-gpu .*unverified hardware`),
    );
    const verified = JSON.parse(
      (await aitbc("services", "--provider", id, "--verified-only", "--json")).stdout,
    );
    expect(verified.services).toEqual([]);

    const mine = JSON.parse((await as("mine", "--json")).stdout);
    expect(mine.provider_id).toBe(id);
    expect(mine.services.map((s: { service_id: string }) => s.service_id)).toEqual([`${id}-gpu`]);

    const jsonFile = join(dir, "price.json");
    writeFileSync(jsonFile, JSON.stringify({ pricing: { rate_per_hour: 40, currency: "AITBC" } }));
    const updated = JSON.parse((await as("update", `${id}-gpu`, jsonFile, "--json")).stdout);
    expect(updated.pricing.rate_per_hour).toBe(40);

    expect((await as("deactivate", `${id}-gpu`)).code).toBe(0);
    const after = await as("mine");
    expect(after.stdout).toMatch(new RegExp(`${id}-gpu +inactive +40 AITBC`));

    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "name: [unclosed");
    const bad = await as("register", broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${broken} is not valid YAML`);
    const missing = await as("register", join(dir, "nope.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ENOENT");
    // The coordinator names the field a file gets wrong.
    writeFileSync(jsonFile, JSON.stringify({ service_id: `${id}-x`, name: "x" }));
    const invalid = await as("register", jsonFile);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/body\.(type|specs|pricing)/);
  }, 60_000);

  it("a token-priced service shows its price per 1k tokens when listed, submitted to and in the receipt", async () => {
    const providerKey = stack!.credentials.provider.api_key;
    const id = `cli-tokens-${Math.random().toString(36).slice(2, 8)}`;
    const dir = mkdtempSync(join(tmpdir(), "aitbc-cli-tokens-"));
    const file = join(dir, "llm.yaml");
    writeFileSync(
      file,
      [
        `service_id: ${id}`,
        "name: Tiny LLM by the token",
        "type: llm_inference",
        "specs:",
        "  gpu_type: none (CPU)",
        "  memory: 1GB",
        "pricing:",
        "  unit_type: tokens",
        "  price_per_1k_output_tokens: 0.002",
        "  currency: AITBC",
        "",
      ].join("\n"),
    );
    const registered = await aitbc("services", "register", file, "--api-key", providerKey);
    expect(registered.code).toBe(0);

    const shown = await aitbc("services", id);
    expect(shown.stdout).toMatch(/Price: +0\.002 AITBC \/ 1k output tokens/);
    const listed = await aitbc(
      "services",
      "--unit-type",
      "tokens",
      "--max-price-per-1k-tokens",
      "0.002",
    );
    expect(listed.stdout).toMatch(new RegExp(`${id} .*0\\.002 AITBC / 1k output tokens`));
    expect((await aitbc("services", "--max-price", "1000")).stdout).not.toContain(id);
    const badUnit = await aitbc("services", "--unit-type", "hours");
    expect(badUnit.code).toBe(2);

    const submitted = await aitbc(
      "submit",
      "inference",
      "--prompt",
      "hello the world",
      "--model",
      "aitbc-tiny:latest",
      "--service",
      id,
      "--max-tokens",
      "16",
      "--budget",
      "1",
    );
    expect(submitted.code).toBe(0);
    expect(submitted.stdout).toContain(
      `Service: ${id} (provider ${stack!.credentials.provider.id}), 0.002 AITBC / 1k output tokens`,
    );
    // 16 output tokens at 2 µ each; input is free.
    expect(submitted.stdout).toContain("Cost: at most 0.000032 AITBC (16 output tokens)");
    const jobId = /Job ID: ([0-9a-f]{32})/.exec(submitted.stdout)![1]!;
    const watched = await aitbc("status", jobId, "--watch");
    expect(watched.stdout).toMatch(/Price: +0\.002 AITBC \/ 1k output tokens/);
    expect(watched.stdout).toMatch(/Payment: 💸 settled/);
    const results = await aitbc("results", jobId);
    expect(results.stdout).toMatch(/Units: +\d+ output tokens at 0\.002 AITBC \/ 1k output tokens/);
  }, 90_000);
});

describe("a provider's earnings", () => {
  it("sums the receipts of its settled jobs per service, and --since leaves older ones out", async () => {
    const { customer, provider } = stack!.credentials;
    const client = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      apiKey: customer.api_key,
    });
    const done = await client.coordinator.getJobResults({ path: { job_id: await completedJob() } });
    const cost = BigInt(done.receipt!.cost);

    const run = await aitbc("earnings", "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.provider_id).toBe(provider.id);
    const served = report.services.find(
      (s: { service_id: string }) => s.service_id === done.receipt!.service_id,
    );
    expect(served.jobs).toBeGreaterThanOrEqual(1);
    expect(BigInt(served.settled_micro)).toBeGreaterThanOrEqual(cost);
    expect(BigInt(report.earned_micro)).toBeGreaterThanOrEqual(BigInt(report.settled_micro));

    const text = await aitbc("earnings");
    expect(text.stdout).toMatch(/Total: .* AITBC earned, .* AITBC settled\./);
    const future = await aitbc("earnings", "--since", "2999-01-01");
    expect(future.stdout).toContain("No receipts yet");
    expect((await aitbc("earnings", "--since", "yesterday-ish")).code).toBe(2);
  }, 90_000);

  it("buy shows the order's BIP 21 URI and, at a terminal, a QR code; --wait follows it until the AITBC is minted", async () => {
    const fakeBitcoin = stack!.urls.fake_bitcoin;
    expect(fakeBitcoin, "the stack runs the exchange and its fake Bitcoin testnet").toBeTruthy();
    const asked = await aitbc("buy", "2.5", "--json");
    expect(asked.code).toBe(0);
    const order = JSON.parse(asked.stdout) as {
      order_id: string;
      status: string;
      deposit_address: string;
      amount_sats: number;
      bip21: string;
    };
    expect(order.status).toBe("awaiting_payment");
    expect(order.bip21).toMatch(
      new RegExp(
        `^bitcoin:${order.deposit_address}\\?amount=0?\\.?\\d+&label=AITBC%20order%20${order.order_id}$`,
      ),
    );

    const shown = await aitbc("buy", "1");
    expect(shown.stdout).toMatch(/Payment URI: +bitcoin:/);
    expect(shown.stdout).toMatch(/[▀▄█]{10}/);
    const piped = await runAitbc(["buy", "1"], {
      env: env(),
      cwd: elsewhere,
      stdoutIsTerminal: false,
    });
    expect(piped.stdout).toMatch(/Payment URI: +bitcoin:/);
    expect(piped.stdout).not.toMatch(/[▀▄█]/);

    // Pay the first order's exact amount on the fake testnet and mine a block, while --wait follows a new order.
    const waiting = aitbc("buy", "3", "--wait", "--timeout", "60", "--json");
    const pending = await pollNewestOrder(stack!.urls.exchange!, "3");
    await postJson(`${fakeBitcoin}/_fake/pay`, {
      address: pending.deposit_address,
      sats: pending.amount_sats,
    });
    await postJson(`${fakeBitcoin}/_fake/mine`, { blocks: 1 });
    const done = await waiting;
    expect(done.code).toBe(0);
    const minted = JSON.parse(done.stdout) as { status: string; mint_tx_hash: string | null };
    expect(minted.status).toBe("minted");
    expect(minted.mint_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await aitbc("buy", "0")).code).toBe(2);
  }, 120_000);
});

describe("a customer's prepaid deposit", () => {
  it("a job paid from the deposit says so, starts without an escrow, and is settled by a batch", async () => {
    const admin = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      nodeUrl: stack!.urls.nodes[0]!,
      apiKey: stack!.credentials.admin.api_key,
    });
    const id = `cli-funded-${Math.random().toString(36).slice(2, 8)}`;
    const account = await admin.coordinator.createAccount({
      body: { id, name: "CLI funded", role: "customer" },
    });
    await admin.node.requestFaucet({ body: { address: account.address!, amount: 20 } });
    const as = (...args: string[]) => aitbc(...args, "--api-key", account.api_key);
    await vi.waitFor(
      async () =>
        expect(JSON.parse((await as("wallet", "balance", "--json")).stdout).balance).toBe(20),
      { timeout: 20_000, interval: 200 },
    );

    const none = await as(...submitArgs, "--funding", "deposit", "--budget", "1");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("aitbc deposit add");
    expect((await as(...submitArgs, "--funding", "card")).code).toBe(2);

    expect((await as("deposit", "add", "10")).code).toBe(0);
    // The coordinator reserves against the finalized deposit: wait until the lock is final.
    await vi.waitFor(
      async () =>
        expect(JSON.parse((await as("deposit", "show", "--json")).stdout).finalized.amount).toBe(
          10,
        ),
      { timeout: 30_000, interval: 300 },
    );
    const run = await as(...submitArgs, "--funding", "deposit", "--budget", "1", "--seed", "7");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Budget: 1 AITBC reserved from your prepaid deposit");
    const jobId = /Job ID: ([0-9a-f]{32})/.exec(run.stdout)![1]!;
    const watched = await as("status", jobId, "--watch");
    expect(watched.stdout).toMatch(/Payment: 💸 settled/);
    const job = JSON.parse((await as("status", jobId, "--json")).stdout);
    expect(job.payment).toMatchObject({
      funding: "deposit",
      lock_tx_hash: null,
      status: "settled",
    });
    expect(job.payment.batch_id).toBeTruthy();
    expect(job.requirements.seed).toBe(7);
    const shown = await as("status", jobId);
    expect(shown.stdout).toMatch(/Funding: +prepaid deposit, settlement batch \S+/);
  }, 120_000);

  it("add, show, withdraw, a release too early with the block to wait for, then the release", async () => {
    const admin = createAitbcClient({
      coordinatorUrl: stack!.urls.coordinator,
      nodeUrl: stack!.urls.nodes[0]!,
      apiKey: stack!.credentials.admin.api_key,
    });
    const id = `cli-deposit-${Math.random().toString(36).slice(2, 8)}`;
    const account = await admin.coordinator.createAccount({
      body: { id, name: "CLI deposit", role: "customer" },
    });
    const address = account.address!;
    await admin.node.requestFaucet({ body: { address, amount: 50 } });
    const as = (...args: string[]) => aitbc(...args, "--api-key", account.api_key);
    await vi.waitFor(
      async () =>
        expect(JSON.parse((await as("wallet", "balance", "--json")).stdout).balance).toBe(50),
      { timeout: 20_000, interval: 200 },
    );

    const none = await as("deposit", "show");
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/Deposit:\s+0 AITBC \(none\)/);

    const add = await as("deposit", "add", "12.5");
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(
      /✅ Added 12.5 AITBC to your deposit \(tx 0x[0-9a-f]+…[0-9a-f]+, block \d+\)/,
    );
    const shown = JSON.parse((await as("deposit", "show", "--json")).stdout);
    expect(shown).toMatchObject({ address, amount: 12.5, status: "active" });

    const short = await as("deposit", "add", "100");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("aitbc wallet balance");

    const withdraw = await as("deposit", "withdraw", "--json");
    expect(withdraw.code).toBe(0);
    const started = JSON.parse(withdraw.stdout);
    const unlock = started.deposit.unlock_height as number;
    expect(unlock).toBeGreaterThan(started.block_height);

    const early = await as("deposit", "release");
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`Wait for block ${unlock}`);
    expect(early.stderr).toContain("aitbc deposit release");

    const show = await as("deposit", "show");
    expect(show.stdout).toMatch(new RegExp(`Unlocks:\\s+block ${unlock}`));

    await vi.waitFor(
      async () =>
        expect(JSON.parse((await as("deposit", "show", "--json")).stdout).releasable).toBe(true),
      { timeout: 60_000, interval: 500 },
    );
    const release = await as("deposit", "release");
    expect(release.code).toBe(0);
    expect(release.stdout).toContain("✅ Released 12.5 AITBC back to your balance");
    expect(JSON.parse((await as("wallet", "balance", "--json")).stdout).balance).toBe(50);
  }, 120_000);
});

async function postJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

/** The customer's newest order for `amount` AITBC, once the exchange has it. */
async function pollNewestOrder(
  exchangeUrl: string,
  amount: string,
): Promise<{ deposit_address: string; amount_sats: number }> {
  const client = createAitbcClient({ exchangeUrl, apiKey: stack!.credentials.customer.api_key });
  for (;;) {
    const page = await client.exchange.listOrders({ query: { limit: 5 } });
    const order = page.items.find(
      (o) => o.amount_aitbc === Number(amount) && o.status === "awaiting_payment",
    );
    if (order) return order;
    await new Promise((r) => setTimeout(r, 200));
  }
}
