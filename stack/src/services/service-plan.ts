// The processes of a dev stack and the environment each one gets. Everything a service needs is
// passed explicitly (ports, URLs, files, keys), so a service never falls back to a default that
// points at another stack, and the user's own AITBC_* variables cannot leak into a child by accident.
import type { PortPlan } from "../ports/port-plan.js";
import type { StackPaths } from "../files/stack-paths.js";
import type { DevSecrets } from "../material/dev-secrets.js";
import { writeExchangePages } from "@aitbc/web";
import { DEV_MIN_BOND } from "../bootstrap/dev-bond.js";

export type ServiceKind = "node" | "wallet" | "coordinator" | "exchange" | "web" | "miner";

export interface ServiceDefinition {
  /** Unique within the stack: `node-0`, `wallet`, … (also the log file name). */
  name: string;
  kind: ServiceKind;
  packageName: string;
  /** Absent for processes without an HTTP API (the miner). */
  url?: string;
  healthUrl?: string;
  env: Record<string, string>;
  args: string[];
}

export const PACKAGES: Readonly<Record<ServiceKind, string>> = {
  node: "@aitbc/node",
  wallet: "@aitbc/wallet",
  coordinator: "@aitbc/coordinator",
  exchange: "@aitbc/exchange",
  web: "@aitbc/web",
  miner: "@aitbc/miner",
};

/** Variables a child may inherit from the user's environment; every other AITBC_* is set by the stack. */
const INHERITED_AITBC = new Set(["AITBC_LOG_LEVEL"]);

export function baseChildEnv(parent: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) {
    if (v === undefined) continue;
    if (k.startsWith("AITBC_") && !INHERITED_AITBC.has(k)) continue;
    env[k] = v;
  }
  return env;
}

export interface PlanContext {
  host: string;
  ports: PortPlan;
  paths: StackPaths;
  secrets: DevSecrets;
  adminApiKey: string;
  logLevel: string;
  parentEnv: Record<string, string | undefined>;
}

export function httpUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

export function stackServiceUrls(ctx: Pick<PlanContext, "host" | "ports">) {
  return {
    coordinator: httpUrl(ctx.host, ctx.ports.coordinator),
    nodes: ctx.ports.nodes.map((p) => httpUrl(ctx.host, p)),
    wallet: httpUrl(ctx.host, ctx.ports.wallet),
    exchange: httpUrl(ctx.host, ctx.ports.exchange),
    fake_bitcoin: httpUrl(ctx.host, ctx.ports.fake_bitcoin),
    marketplace: httpUrl(ctx.host, ctx.ports.marketplace),
    explorer: httpUrl(ctx.host, ctx.ports.explorer),
    miner_dashboard: httpUrl(ctx.host, ctx.ports.miner_dashboard),
  };
}

function commonEnv(ctx: PlanContext): Record<string, string> {
  const urls = stackServiceUrls(ctx);
  return {
    ...baseChildEnv(ctx.parentEnv),
    AITBC_HOST: ctx.host,
    // A dev stack: services may fall back to development secrets (with a warning) where a
    // production deployment must configure them.
    AITBC_DEV: "1",
    AITBC_LOG_LEVEL: ctx.logLevel,
    AITBC_ADMIN_API_KEY: ctx.adminApiKey,
    AITBC_CHAIN_ID: ctx.secrets.chain_id,
    AITBC_GENESIS_FILE: ctx.paths.genesis,
    AITBC_COORDINATOR_URL: urls.coordinator,
    AITBC_NODE_URL: urls.nodes[0]!,
    AITBC_WALLET_URL: urls.wallet,
    AITBC_EXCHANGE_URL: urls.exchange,
    AITBC_COORDINATOR_PORT: String(ctx.ports.coordinator),
    AITBC_NODE_PORT: String(ctx.ports.nodes[0]),
    AITBC_WALLET_PORT: String(ctx.ports.wallet),
    AITBC_EXCHANGE_PORT: String(ctx.ports.exchange),
    AITBC_MARKETPLACE_PORT: String(ctx.ports.marketplace),
    AITBC_EXPLORER_PORT: String(ctx.ports.explorer),
    AITBC_MINER_DASHBOARD_PORT: String(ctx.ports.miner_dashboard),
  };
}

function storage(ctx: PlanContext, name: string): Record<string, string> {
  return {
    AITBC_DATA_DIR: ctx.paths.dataDir(name),
    AITBC_DATABASE_URL: ctx.paths.database(name),
  };
}

export function nodeServices(ctx: PlanContext): ServiceDefinition[] {
  const urls = stackServiceUrls(ctx);
  return ctx.ports.nodes.map((port, i) => {
    const name = `node-${i}`;
    const peers = ctx.ports.nodes
      .map((p, j) => (j === i ? undefined : `ws://${new URL(urls.nodes[j]!).host}/p2p`))
      .filter((p): p is string => p !== undefined);
    return {
      name,
      kind: "node",
      packageName: PACKAGES.node,
      url: urls.nodes[i]!,
      healthUrl: `${urls.nodes[i]}/api/v1/health`,
      args: [],
      env: {
        ...commonEnv(ctx),
        ...storage(ctx, name),
        AITBC_NODE_PORT: String(port),
        AITBC_NODE_NAME: `validator-${i}`,
        AITBC_VALIDATOR_SECRET_KEY: ctx.secrets.validators[i]!.secret_key,
        AITBC_PEERS: peers.join(","),
      },
    };
  });
}

export function walletService(ctx: PlanContext): ServiceDefinition {
  const url = stackServiceUrls(ctx).wallet;
  return {
    name: "wallet",
    kind: "wallet",
    packageName: PACKAGES.wallet,
    url,
    healthUrl: `${url}/api/v1/health`,
    args: [],
    env: {
      ...commonEnv(ctx),
      ...storage(ctx, "wallet"),
      AITBC_WALLET_PASSPHRASE: ctx.secrets.wallet_passphrase,
    },
  };
}

export function coordinatorService(ctx: PlanContext): ServiceDefinition {
  const url = stackServiceUrls(ctx).coordinator;
  return {
    name: "coordinator",
    kind: "coordinator",
    packageName: PACKAGES.coordinator,
    url,
    healthUrl: `${url}/v1/health`,
    args: [],
    env: {
      ...commonEnv(ctx),
      ...storage(ctx, "coordinator"),
      AITBC_SETTLEMENT_SECRET_KEY: ctx.secrets.settlement.secret_key,
      AITBC_MIN_BOND: String(DEV_MIN_BOND),
      ...(ctx.secrets.coordinator_sealing_key
        ? { AITBC_COORDINATOR_SEALING_KEY: ctx.secrets.coordinator_sealing_key }
        : {}),
    },
  };
}

export function exchangeService(ctx: PlanContext, withWeb: boolean): ServiceDefinition {
  const urls = stackServiceUrls(ctx);
  const url = urls.exchange;
  // The Trade Exchange page and its API share one port, so the page needs no cross-origin
  // setup: the exchange serves the page
  // built by @aitbc/web, with a config.json that points it at this stack.
  const pagesDir = writeExchangePages(ctx.paths.dataDir("exchange-pages"), {
    coordinator: urls.coordinator,
    nodes: urls.nodes,
    wallet: urls.wallet,
    exchange: urls.exchange,
    fake_bitcoin: urls.fake_bitcoin,
    marketplace: withWeb ? urls.marketplace : null,
    explorer: withWeb ? urls.explorer : null,
    miner_dashboard: withWeb ? urls.miner_dashboard : null,
  });
  return {
    name: "exchange",
    kind: "exchange",
    packageName: PACKAGES.exchange,
    url,
    healthUrl: `${url}/api/v1/health`,
    args: [],
    env: {
      ...commonEnv(ctx),
      ...storage(ctx, "exchange"),
      AITBC_TREASURY_SECRET_KEY: ctx.secrets.treasury.secret_key,
      // No Bitcoin testnet here: the exchange runs its fake Esplora, and checks deposits often.
      AITBC_FAKE_BITCOIN_PORT: String(ctx.ports.fake_bitcoin),
      AITBC_EXCHANGE_WATCH_INTERVAL_MS: "1000",
      AITBC_EXCHANGE_PAGES_DIR: pagesDir,
    },
  };
}

/** The three page servers (marketplace, explorer, miner dashboard) in one `aitbc-web` process. */
export function webService(ctx: PlanContext, withExchange: boolean): ServiceDefinition {
  const urls = stackServiceUrls(ctx);
  const env: Record<string, string> = {
    ...commonEnv(ctx),
    AITBC_DATA_DIR: ctx.paths.dataDir("web"),
    // The pages read from every node (the explorer shows the validators side by side).
    AITBC_NODE_URLS: urls.nodes.join(","),
  };
  if (withExchange) env.AITBC_FAKE_BITCOIN_URL = urls.fake_bitcoin;
  else env.AITBC_EXCHANGE_URL = "none";
  return {
    name: "web",
    kind: "web",
    packageName: PACKAGES.web,
    url: urls.marketplace,
    healthUrl: `${urls.marketplace}/health`,
    args: [],
    env,
  };
}

export function minerService(ctx: PlanContext, providerApiKey: string): ServiceDefinition {
  return {
    name: "miner",
    kind: "miner",
    packageName: PACKAGES.miner,
    args: [],
    env: {
      ...commonEnv(ctx),
      AITBC_API_KEY: providerApiKey,
      AITBC_MINER_EXECUTOR: "llamacpp",
      AITBC_MINER_NAME: "dev-miner",
      // The miner keeps its signing key and miner id here, so a restart is the same miner.
      AITBC_MINER_DATA_DIR: ctx.paths.dataDir("miner"),
    },
  };
}
