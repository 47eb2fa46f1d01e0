// The launcher end to end: a real stack (3 nodes, wallet, coordinator, exchange when built, miner)
// on free ports in a temp data dir, then a restart on the same data dir.
import { mkdtempSync, readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAitbcClient, streamJobEvents, verifyReceipt, type Receipt } from "@aitbc/sdk";
import {
  PortInUseError,
  resetStack,
  startStack,
  StackRunningError,
  type RunningStack,
} from "../src/index.js";
import { freePortPlan } from "../src/ports/free-ports.js";

const dataDir = mkdtempSync(join(tmpdir(), "aitbc-stack-e2e-"));
let stack: RunningStack | undefined;

function clientFor(s: RunningStack, apiKey?: string) {
  return createAitbcClient({
    coordinatorUrl: s.urls.coordinator,
    nodeUrl: s.urls.nodes[0],
    walletUrl: s.urls.wallet,
    apiKey,
  });
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

describe("startStack", () => {
  it("writes stack.json with every URL and dev-credentials.json readable by the owner only", async () => {
    const urls = JSON.parse(readFileSync(join(dataDir, "stack.json"), "utf8"));
    expect(urls).toEqual(stack!.urls);
    expect(urls.nodes).toHaveLength(3);
    // The pages and the exchange are optional: a URL means it answers, null means the stack says why.
    for (const key of ["marketplace", "explorer", "miner_dashboard", "exchange"]) {
      const service = key === "exchange" ? "exchange" : "web";
      if (urls[key] === null) expect(stack!.unavailable.map((u) => u.service)).toContain(service);
      else
        expect(
          (await fetch(`${urls[key]}${key === "exchange" ? "/api/v1" : ""}/health`)).status,
        ).toBe(200);
    }
    const creds = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
    expect(creds).toEqual(stack!.credentials);
    expect(Object.keys(creds).sort()).toEqual(["admin", "customer", "provider"]);
    expect(creds.provider.address).toMatch(/^aitbc[0-9a-f]{40}$/);
    expect(statSync(join(dataDir, "dev-credentials.json")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    // Data files and their directories are the owner's only.
    for (const name of ["coordinator", "wallet", "exchange"]) {
      const dir = join(dataDir, "data", name);
      const db = readdirSync(dir).find((f) => f.endsWith(".sqlite"));
      expect(db, `a SQLite file in ${dir}`).toBeDefined();
      expect(statSync(join(dir, db!)).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o077).toBe(0);
    }
  });

  it("runs three validators that agree on one chain", async () => {
    const heads = await Promise.all(
      stack!.urls.nodes.map((url) => createAitbcClient({ nodeUrl: url }).node.getSyncStatus()),
    );
    expect(new Set(heads.map((h) => h.genesis_hash)).size).toBe(1);
    expect(heads.every((h) => h.chain_id === stack!.chainId)).toBe(true);
    expect(heads.map((h) => h.validator?.name).sort()).toEqual([
      "validator-0",
      "validator-1",
      "validator-2",
    ]);
  });

  it("opens with a marketplace that is not empty: the dev service serves the offline model and the customer has money", async () => {
    const customer = clientFor(stack!, stack!.credentials.customer.api_key);
    const service = await customer.coordinator.getService({
      path: { service_id: stack!.credentials.provider.service_id },
    });
    expect(service.provider_id).toBe(stack!.credentials.provider.id);
    expect(service.available_now).toBe(true);
    expect(service.models).toContain("aitbc-tiny:latest");
    const balance = await customer.wallet.getBalance();
    expect(balance.balance).toBeGreaterThanOrEqual(100);
    expect(balance.address).toBe(stack!.credentials.customer.address);
  });

  it("reports every service healthy", async () => {
    const status = await stack!.status();
    expect(status.map((s) => s.service)).toEqual(
      expect.arrayContaining(["node-0", "node-1", "node-2", "wallet", "coordinator", "miner"]),
    );
    for (const s of status) expect(s.health === "ok" || s.health === "running").toBe(true);
  });

  it("refuses a second stack on the same data dir and leaves the first one running", async () => {
    await expect(startStack({ dataDir, ports: "free" })).rejects.toBeInstanceOf(StackRunningError);
    expect(() => resetStack(dataDir)).toThrow(StackRunningError);
    const health = await clientFor(stack!).coordinator.getHealth();
    expect(health.status).toBe("ok");
  });

  it("refuses to start on a port in use, naming it, before starting anything", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const plan = {
      ...(await freePortPlan()),
      coordinator: (blocker.address() as { port: number }).port,
    };
    const otherDir = mkdtempSync(join(tmpdir(), "aitbc-stack-port-"));
    try {
      const err = await startStack({ dataDir: otherDir, ports: plan }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PortInUseError);
      expect((err as Error).message).toContain(`${plan.coordinator} (coordinator)`);
      expect((err as Error).message).toContain("AITBC_COORDINATOR_PORT");
      expect(existsSync(join(otherDir, "secrets.json"))).toBe(false);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it("keeps jobs, receipts, balances and keys across a restart", async () => {
    const s = stack!;
    const customer = clientFor(s, s.credentials.customer.api_key);
    const job = await customer.coordinator.createJob({
      body: {
        requirements: {
          task_type: "inference",
          model: "aitbc-tiny:latest",
          prompt: "Hello AITBC",
          max_tokens: 16,
          temperature: 0,
        },
        budget: { max_cost: 5, currency: "AITBC" },
      },
    });
    for await (const event of streamJobEvents(job.job_id, { client: customer })) void event;
    let before = await customer.coordinator.getJobResults({ path: { job_id: job.job_id } });
    for (let i = 0; before.payment.status === "locked" && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      before = await customer.coordinator.getJobResults({ path: { job_id: job.job_id } });
    }
    expect(before.status).toBe("completed");
    expect(before.payment.status).toBe("settled");
    const balanceBefore = await customer.wallet.getBalance();
    const keysBefore = await customer.coordinator.listKeys();
    const heightBefore = (await customer.node.getSyncStatus()).height;

    await s.stop();
    stack = undefined;
    stack = await startStack({
      dataDir,
      ports: "free",
      logLevel: "warn",
      env: { ...process.env, AITBC_LOG_LEVEL: "warn" },
    });

    expect(stack.credentials).toEqual(s.credentials);
    expect(stack.chainId).toBe(s.chainId);
    const again = clientFor(stack, stack.credentials.customer.api_key);
    const after = await again.coordinator.getJobResults({ path: { job_id: job.job_id } });
    expect(after).toEqual(before);
    expect((await again.wallet.getBalance()).balance_micro).toBe(balanceBefore.balance_micro);
    expect((await again.node.getSyncStatus()).height).toBeGreaterThanOrEqual(heightBefore);
    const keys = await again.coordinator.listKeys();
    expect(keys.keys.map((k) => k.public_key)).toEqual(keysBefore.keys.map((k) => k.public_key));
    const verification = verifyReceipt(after.receipt as Receipt, {
      coordinatorKeys: keys.keys.map((k) => k.public_key),
    });
    expect(verification.errors).toEqual([]);
  }, 240_000);
});
