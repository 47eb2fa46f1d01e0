// startWeb: the three page servers of the local stack (marketplace, explorer, miner dashboard; their
// ports are in page-ports.ts). The Trade Exchange page is served by the exchange itself, next to
// its API; see page-files.ts.
import {
  createLogger,
  listen,
  type EnvSource,
  type Logger,
  type RunningServer,
} from "@aitbc/server-lib";
import { resolveApiUrls } from "./api-urls.js";
import { siteDir } from "./page-files.js";
import { pagePorts } from "./page-ports.js";
import type { ApiUrls, PublicConfig, Site } from "./public-config.js";
import { buildSiteApp } from "./site-app.js";

export interface StartWebOptions {
  /** 0 = any free port. Default AITBC_MARKETPLACE_PORT, else the stack's default. */
  marketplacePort?: number;
  /** Default AITBC_EXPLORER_PORT, else the stack's default. */
  explorerPort?: number;
  /** Default AITBC_MINER_DASHBOARD_PORT, else the stack's default. */
  minerDashboardPort?: number;
  /** Bind address (default AITBC_HOST or 127.0.0.1). */
  host?: string;
  /**
   * The API URLs the pages call. Missing ones come from `env` (AITBC_COORDINATOR_URL, …), then
   * `.aitbc/stack.json`, then the stack's default ports. `exchange: null` hides the exchange links.
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

export async function startWeb(options: StartWebOptions = {}): Promise<RunningWeb> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger("web");
  const host = options.host ?? (env.AITBC_HOST || "127.0.0.1");
  const defaults = pagePorts(env);
  const api = resolveApiUrls(env, options.urls ?? {});
  const plan: Array<{ site: Exclude<Site, "exchange">; key: keyof WebUrls; port: number }> = [
    {
      site: "marketplace",
      key: "marketplace",
      port: options.marketplacePort ?? defaults.marketplace,
    },
    {
      site: "explorer",
      key: "explorer",
      port: options.explorerPort ?? defaults.explorer,
    },
    {
      site: "miner-dashboard",
      key: "miner_dashboard",
      port: options.minerDashboardPort ?? defaults.minerDashboard,
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
