// The stack as `npm start` runs it (the built launcher in its own process, a temp data dir, a random
// port base), attacked at its edges: known API keys are sent every way a client can send them and
// then searched for in every log line of every service; every server's responses are checked for
// anti-framing headers; and finally the launcher is killed with SIGKILL, which it cannot handle,
// and every service it started must be gone, with its port free, within a few seconds.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { isAlive, readStackLock } from "../src/process/stack-lock.js";

const MAIN = resolve(import.meta.dirname, "../dist/main.js");
const dataDir = mkdtempSync(join(tmpdir(), "aitbc-stack-edges-"));
let launcher: ChildProcess | undefined;
let launcherOutput = "";

interface StackJson {
  coordinator: string;
  nodes: string[];
  wallet: string;
  exchange: string | null;
  fake_bitcoin?: string | null;
  marketplace: string | null;
  explorer: string | null;
  miner_dashboard: string | null;
}
let urls: StackJson;
let creds: Record<"admin" | "customer" | "provider", { api_key: string }>;

/** The services' pids, from the launcher's lock file (read before it is killed). */
let children: Array<{ name: string; pid: number }> = [];

function cleanEnv(base: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("AITBC_")) env[k] = v;
  return {
    ...env,
    AITBC_DATA_DIR: dataDir,
    AITBC_PORT_BASE: String(base),
    // Successes are logged at debug: with it, every request writes a line that could leak.
    AITBC_LOG_LEVEL: "debug",
  };
}

async function startLauncher(): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // The default ports shifted to a random base (the plan spans base … base + 6001).
    const base = 30_000 + Math.floor(Math.random() * 28_000);
    launcherOutput = "";
    const child = spawn(process.execPath, [MAIN], {
      env: cleanEnv(base),
      stdio: ["ignore", "pipe", "pipe"],
    });
    launcher = child;
    child.stdout!.on("data", (d: Buffer) => (launcherOutput += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (launcherOutput += d.toString()));
    const outcome = await new Promise<"ready" | "exited">((done) => {
      const timer = setInterval(() => {
        if (launcherOutput.includes("Ctrl-C stops everything")) {
          clearInterval(timer);
          done("ready");
        }
      }, 100);
      child.once("exit", () => {
        clearInterval(timer);
        done("exited");
      });
    });
    if (outcome === "ready") return;
    if (!/in use/i.test(launcherOutput)) throw new Error(`stack did not start:\n${launcherOutput}`);
  }
  throw new Error(`no free port base found:\n${launcherOutput}`);
}

beforeAll(async () => {
  await startLauncher();
  urls = JSON.parse(readFileSync(join(dataDir, "stack.json"), "utf8")) as StackJson;
  creds = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8")) as typeof creds;
  children = readStackLock(join(dataDir, "stack.pid"))?.children ?? [];
}, 240_000);

afterAll(() => {
  // Whatever happened above, leave nothing running.
  if (launcher?.pid && isAlive(launcher.pid)) launcher.kill("SIGKILL");
  for (const c of children)
    if (isAlive(c.pid))
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {
        process.kill(c.pid, "SIGKILL");
      }
});

async function call(url: string, init: RequestInit = {}): Promise<number> {
  const res = await fetch(url, init);
  await res.body?.cancel();
  return res.status;
}

/** Opens a WebSocket and resolves with how it ended (the close code, or the refused status). */
function wsOutcome(
  url: string,
  headers: Record<string, string> = {},
  openMs = 3000,
): Promise<string> {
  return new Promise((done) => {
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      done("open");
    }, openMs);
    ws.on("close", (code) => {
      clearTimeout(timer);
      done(`close ${code}`);
    });
    ws.on("unexpected-response", (_req, res) => {
      clearTimeout(timer);
      done(`http ${res.statusCode}`);
      ws.terminate();
    });
    ws.on("error", () => undefined);
  });
}

describe("a running stack's edges", () => {
  it("never writes an API key to any log, however it was sent", async () => {
    const known = {
      admin: creds.admin.api_key,
      customer: creds.customer.api_key,
      provider: creds.provider.api_key,
    };
    const bad = {
      shaped: `ak_customer_${randomBytes(24).toString("base64url")}`,
      junk: `junk-${randomBytes(12).toString("hex")}`,
    };
    const keys = { ...known, ...bad };
    const h = (key: string) => ({ headers: { "X-API-Key": key } });
    const node = urls.nodes[0]!;
    const statuses: Record<string, number | string> = {};
    for (const [name, key] of Object.entries(keys)) {
      const q = encodeURIComponent(key);
      statuses[`coordinator me ${name}`] = await call(`${urls.coordinator}/v1/me`, h(key));
      statuses[`coordinator me ?${name}`] = await call(`${urls.coordinator}/v1/me?api_key=${q}`);
      statuses[`coordinator jobs ${name}`] = await call(`${urls.coordinator}/v1/jobs`, h(key));
      statuses[`wallet ${name}`] = await call(`${urls.wallet}/api/v1/wallet/balance`, h(key));
      statuses[`wallet ?${name}`] = await call(`${urls.wallet}/api/v1/wallet/balance?api_key=${q}`);
      statuses[`node faucet ${name}`] = await call(`${node}/api/v1/faucet`, {
        method: "POST",
        headers: { "X-API-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify({ address: "aitbc" + "0".repeat(40), amount: 0.000001 }),
      });
      statuses[`node ?${name}`] = await call(`${node}/api/v1/health?api_key=${q}`);
      if (urls.exchange) {
        statuses[`exchange ${name}`] = await call(`${urls.exchange}/api/v1/orders/x`, h(key));
        statuses[`exchange page ?${name}`] = await call(`${urls.exchange}/?api_key=${q}`);
      }
      if (urls.marketplace)
        statuses[`marketplace ?${name}`] = await call(`${urls.marketplace}/?api_key=${q}`);
      const stream = `${urls.coordinator.replace("http", "ws")}/v1/jobs/${randomBytes(16).toString("hex")}/stream`;
      statuses[`ws ?${name}`] = await wsOutcome(`${stream}?api_key=${q}`);
      statuses[`ws ${name}`] = await wsOutcome(stream, { "X-API-Key": key });
      statuses[`node ws ?${name}`] = await wsOutcome(
        `${node.replace("http", "ws")}/api/v1/ws?api_key=${q}`,
        {},
        300,
      );
    }
    // Give the services a moment to flush, then read every line any of them wrote.
    await new Promise((r) => setTimeout(r, 1500));
    const logDir = join(dataDir, "logs");
    const logs = readdirSync(logDir).map((f) => ({
      file: f,
      text: readFileSync(join(logDir, f), "utf8"),
    }));
    logs.push({ file: "launcher output", text: launcherOutput });
    expect(logs.map((l) => l.file)).toEqual(
      expect.arrayContaining(["coordinator.log", "wallet.log", "node-0.log"]),
    );
    const requestLines = logs.flatMap((l) => l.text.split("\n")).filter((l) => l.includes('"req"'));
    expect(requestLines.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const { file, text } of logs)
      for (const line of text.split("\n"))
        for (const [name, key] of Object.entries(keys))
          if (line.includes(key)) leaks.push(`${file}: ${name} key in ${line.slice(0, 300)}`);
    expect(leaks.length, `${leaks.length} leaks, first:\n${leaks.slice(0, 6).join("\n")}`).toBe(0);
    // The requests did what they should: keys in URLs refused, good keys accepted, bad ones not.
    expect(statuses["coordinator me customer"]).toBe(200);
    expect(statuses["coordinator me ?customer"]).toBe(400);
    expect(statuses["coordinator me shaped"]).toBe(401);
    expect(statuses["wallet customer"]).toBe(200);
    expect(statuses["wallet ?customer"]).toBe(400);
    expect(statuses["node ?admin"]).toBe(400);
    if (urls.exchange) expect(statuses["exchange page ?customer"]).toBe(400);
    // A WebSocket upgrade is the one place a query key works: the customer is let in (and told
    // the made-up job does not exist), a bad key is refused as unauthorized.
    expect(statuses["ws ?customer"]).toBe("close 4404");
    expect(statuses["ws ?junk"]).toBe("close 4401");
  }, 120_000);

  it("forbids framing and sniffing on every server's responses", async () => {
    const targets = [
      `${urls.coordinator}/v1/health`,
      `${urls.coordinator}/no-such-path`,
      `${urls.nodes[0]}/api/v1/health`,
      `${urls.wallet}/api/v1/health`,
      ...(urls.exchange ? [`${urls.exchange}/`, `${urls.exchange}/api/v1/health`] : []),
      ...(urls.fake_bitcoin ? [`${urls.fake_bitcoin}/blocks/tip/height`] : []),
      ...[urls.marketplace, urls.explorer, urls.miner_dashboard].flatMap((u) =>
        u ? [`${u}/`] : [],
      ),
    ];
    expect(targets.length).toBeGreaterThanOrEqual(5);
    const missing: string[] = [];
    for (const url of targets) {
      const res = await fetch(url);
      await res.body?.cancel();
      const csp = res.headers.get("content-security-policy") ?? "";
      if (!csp.includes("frame-ancestors 'none'")) missing.push(`${url}: CSP ${csp || "none"}`);
      if (res.headers.get("x-frame-options") !== "DENY") missing.push(`${url}: X-Frame-Options`);
      if (res.headers.get("x-content-type-options") !== "nosniff")
        missing.push(`${url}: X-Content-Type-Options`);
    }
    expect(missing).toEqual([]);
  }, 30_000);

  it("takes every service down with the launcher when the launcher is killed with SIGKILL", async () => {
    expect(children.length).toBeGreaterThanOrEqual(6);
    const ports = [urls.coordinator, ...urls.nodes, urls.wallet, urls.exchange, urls.marketplace]
      .filter((u): u is string => !!u)
      .map((u) => Number(new URL(u).port));
    const killedAt = performance.now();
    launcher!.kill("SIGKILL");
    const deadline = killedAt + 15_000;
    let allGoneMs: number | undefined;
    while (performance.now() < deadline) {
      const alive = children.filter((c) => isAlive(c.pid));
      if (alive.length === 0 && (await Promise.all(ports.map(portFree))).every(Boolean)) {
        allGoneMs = performance.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const left = children.filter((c) => isAlive(c.pid)).map((c) => c.name);
    expect(left, "services still running after 15 s").toEqual([]);
    console.log(
      `stack-edges: ${children.length} services gone and ${ports.length} ports free ${Math.round(allGoneMs!)} ms after SIGKILL of the launcher`,
    );
    expect(allGoneMs).toBeLessThan(8000);
    expect(existsSync(join(dataDir, "stack.pid"))).toBe(true); // the next start cleans it up
  }, 30_000);
});

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
}
