// `aitbc health`: every service of the stack, its health and (for nodes) its head, in one table.
// It exits non-zero when any service is down, so scripts can wait on it.
import { AitbcError, createAitbcClient } from "@aitbc/sdk";
import { noPositionals } from "../args.js";
import { CommandFailed, EXIT } from "../output/explain-error.js";
import type { Command } from "./command.js";

interface ServiceHealth {
  service: string;
  url: string;
  status: string;
  version?: string;
  latency_ms: number;
  height?: number;
  peers?: number;
  error?: string;
}

async function probe(
  service: string,
  url: string,
  call: () => Promise<{ status: string; version?: string }>,
  extra?: () => Promise<Partial<ServiceHealth>>,
): Promise<ServiceHealth> {
  const started = performance.now();
  try {
    const health = await call();
    const row: ServiceHealth = {
      service,
      url,
      status: health.status,
      version: health.version,
      latency_ms: Math.round(performance.now() - started),
    };
    return extra ? { ...row, ...(await extra().catch(() => ({}))) } : row;
  } catch (err) {
    return {
      service,
      url,
      status: "down",
      latency_ms: Math.round(performance.now() - started),
      error: err instanceof AitbcError ? err.code : (err as Error).message,
    };
  }
}

export const healthCommand: Command = {
  name: "health",
  summary: "check that every service of the stack answers",
  synopsis: "health",
  usage: "health",
  options: {},
  identity: "customer",
  async run({ config, out, positionals }) {
    noPositionals(positionals);
    const quick = { http: { retries: 0 } };
    const checks: Array<Promise<ServiceHealth>> = [];
    const coordinator = createAitbcClient({ coordinatorUrl: config.coordinatorUrl, ...quick });
    checks.push(
      probe("coordinator", config.coordinatorUrl, () => coordinator.coordinator.getHealth()),
    );
    config.nodeUrls.forEach((url, i) => {
      const node = createAitbcClient({ nodeUrl: url, ...quick }).node;
      checks.push(
        probe(
          config.nodeUrls.length > 1 ? `node-${i}` : "node",
          url,
          () => node.getHealth(),
          async () => {
            const sync = await node.getSyncStatus();
            return { height: sync.height, peers: sync.peers.filter((p) => p.connected).length };
          },
        ),
      );
    });
    const wallet = createAitbcClient({ walletUrl: config.walletUrl, ...quick }).wallet;
    checks.push(probe("wallet", config.walletUrl, () => wallet.getHealth()));
    if (config.exchangeUrl) {
      const exchange = createAitbcClient({ exchangeUrl: config.exchangeUrl, ...quick }).exchange;
      checks.push(probe("exchange", config.exchangeUrl, () => exchange.getHealth()));
    }
    // The page servers are not part of the API contract: their health is a plain GET /health.
    for (const page of config.pages) {
      checks.push(
        probe(page.name, page.url, async () => {
          const res = await fetch(`${page.url}/health`, { signal: AbortSignal.timeout(3000) });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return (await res.json()) as { status: string; version?: string };
        }),
      );
    }
    out.progress("checking services…");
    const services = await Promise.all(checks);
    const down = services.filter((s) => s.status !== "ok" && s.status !== "degraded");
    out.line(
      out.table(
        ["service", "url", "status", "latency", "details"],
        services.map((s) => [
          s.service,
          s.url,
          s.status === "ok" ? "✅ ok" : s.status === "degraded" ? "⚠️  degraded" : `❌ ${s.status}`,
          `${s.latency_ms} ms`,
          s.error ??
            (s.height !== undefined
              ? `height ${s.height}, ${s.peers} peer connections`
              : s.version
                ? `v${s.version}`
                : ""),
        ]),
      ),
    );
    out.line();
    out.line(
      `(URLs from ${config.source.urls}${config.stack?.stack ? `: ${config.stack.dataDir}/stack.json` : ""})`,
    );
    if (down.length > 0) {
      if (out.json) out.result({ services, source: config.source.urls });
      throw new CommandFailed(
        `${down.map((s) => s.service).join(", ")} ${down.length > 1 ? "are" : "is"} not answering.`,
        config.stack?.stack
          ? "Is the stack running? Start it with npm start; its logs are in .aitbc/logs/."
          : "Start the stack with npm start in the AITBC project, or point AITBC_COORDINATOR_URL / AITBC_NODE_URL / AITBC_WALLET_URL at running services.",
        down.length === services.length ? "stack_unreachable" : "services_down",
        down.length === services.length ? EXIT.unreachable : EXIT.failed,
      );
    }
    return { services, source: config.source.urls };
  },
};
