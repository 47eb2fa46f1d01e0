// The page servers' configuration from the environment (the `aitbc-web` bin). Fails fast with a
// ConfigError that names the variable.
import { envString, type EnvSource } from "@aitbc/server-lib";
import { resolveApiUrls } from "./api-urls.js";
import { pagePorts } from "./page-ports.js";
import type { ApiUrls } from "./public-config.js";

export interface WebConfig {
  host: string;
  marketplacePort: number;
  explorerPort: number;
  minerDashboardPort: number;
  urls: ApiUrls;
}

export function loadWebConfig(env: EnvSource = process.env): WebConfig {
  const ports = pagePorts(env);
  return {
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    marketplacePort: ports.marketplace,
    explorerPort: ports.explorer,
    minerDashboardPort: ports.minerDashboard,
    urls: resolveApiUrls(env),
  };
}
