// The page servers' configuration from the environment (the `aitbc-web` bin). Fails fast with a
// ConfigError that names the variable.
import { envInt, envString, type EnvSource } from "@aitbc/server-lib";
import { resolveApiUrls } from "./api-urls.js";
import type { ApiUrls } from "./public-config.js";

export interface WebConfig {
  host: string;
  marketplacePort: number;
  explorerPort: number;
  minerDashboardPort: number;
  urls: ApiUrls;
}

const SEED_BASE = 18000;

export function loadWebConfig(env: EnvSource = process.env): WebConfig {
  const base = envInt(env, "AITBC_PORT_BASE", SEED_BASE, { min: 1, max: 65535 });
  const port = (name: string, seedPort: number) =>
    envInt(env, name, seedPort + base - SEED_BASE, { min: 0, max: 65535 });
  return {
    host: envString(env, "AITBC_HOST", "127.0.0.1"),
    marketplacePort: port("AITBC_MARKETPLACE_PORT", 21000),
    explorerPort: port("AITBC_EXPLORER_PORT", 22000),
    minerDashboardPort: port("AITBC_MINER_DASHBOARD_PORT", 24000),
    urls: resolveApiUrls(env),
  };
}
