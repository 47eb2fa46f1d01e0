// startWeb: the three page servers of the seed (marketplace :21000, explorer :22000, miner dashboard
// :24000). The Trade Exchange page (:23000) is served by the exchange itself; see page-files.ts.
import {
  createLogger,
  envInt,
  listen,
  type EnvSource,
  type Logger,
  type RunningServer,
} from "@aitbc/server-lib";
import { resolveApiUrls } from "./api-urls.js";
import { siteDir } from "./page-files.js";
import type { ApiUrls, PublicConfig, Site } from "./public-config.js";
import { buildSiteApp } from "./site-app.js";

export interface StartWebOptions {
  /** 0 = any free port. Default AITBC_MARKETPLACE_PORT or 21000. */
  marketplacePort?: number;
  /** Default AITBC_EXPLORER_PORT or 22000. */
  explorerPort?: number;
  /** Default AITBC_MINER_DASHBOARD_PORT or 24000. */
  minerDashboardPort?: number;
  /** Bind address (default AITBC_HOST or 127.0.0.1). */
  host?: string;
  /**
   * The API URLs the pages call. Missing ones come from `env` (AITBC_COORDINATOR_URL, …), then
   * `.aitbc/stack.json`, then the seed's ports. `exchange: null` hides the exchange links.
   */
  urls?: Partial<ApiUrls>;
  /** Default process.env. */
  env?: EnvSource;
  logger?: Logger;
}

export interface WebUrls {
  marketplace: string;
  explorer: string;
  miner_dashboard: string;
}

export interface RunningWeb {
  urls: WebUrls;
  /** What every page's /config.json answers. */
  config: PublicConfig;
  close(): Promise<void>;
}

function pageUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}

const SEED_BASE = 18000;

export async function startWeb(options: StartWebOptions = {}): Promise<RunningWeb> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger("web");
  const host = options.host ?? (env.AITBC_HOST || "127.0.0.1");
  const base = envInt(env, "AITBC_PORT_BASE", SEED_BASE, { min: 1, max: 65535 });
  const envPort = (name: string, seed: number) =>
    envInt(env, name, seed + base - SEED_BASE, { min: 0, max: 65535 });
  const api = resolveApiUrls(env, options.urls ?? {});
  const plan: Array<{ site: Exclude<Site, "exchange">; key: keyof WebUrls; port: number }> = [
    {
      site: "marketplace",
      key: "marketplace",
      port: options.marketplacePort ?? envPort("AITBC_MARKETPLACE_PORT", 21000),
    },
    {
      site: "explorer",
      key: "explorer",
      port: options.explorerPort ?? envPort("AITBC_EXPLORER_PORT", 22000),
    },
    {
      site: "miner-dashboard",
      key: "miner_dashboard",
      port: options.minerDashboardPort ?? envPort("AITBC_MINER_DASHBOARD_PORT", 24000),
    },
  ];

  const config: PublicConfig = {
    ...api,
    marketplace: null,
    explorer: null,
    miner_dashboard: null,
  };
  const servers: RunningServer[] = [];
  const closeAll = () => Promise.all(servers.map((s) => s.close(2000))).then(() => undefined);
  try {
    for (const p of plan) {
      const app = buildSiteApp({ site: p.site, dir: siteDir(p.site), config: () => config });
      const server = await listen(app, { port: p.port, host });
      servers.push(server);
      config[p.key] = pageUrl(host, server.port);
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  const urls: WebUrls = {
    marketplace: config.marketplace!,
    explorer: config.explorer!,
    miner_dashboard: config.miner_dashboard!,
  };
  logger.info({ ...urls, coordinator: config.coordinator }, "web pages listening");
  return { urls, config, close: closeAll };
}
