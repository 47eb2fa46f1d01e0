// The ports of the three page servers: the local stack's defaults shifted by AITBC_PORT_BASE,
// each overridden by its own variable.
import { DEFAULT_PORT_BASE, defaultPorts } from "@aitbc/sdk";
import { envInt, type EnvSource } from "@aitbc/server-lib";

export interface PagePorts {
  marketplace: number;
  explorer: number;
  minerDashboard: number;
}

export function pagePorts(env: EnvSource): PagePorts {
  const base = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const defaults = defaultPorts(base);
  const port = (name: string, fallback: number) =>
    envInt(env, name, fallback, { min: 0, max: 65535 });
  return {
    marketplace: port("AITBC_MARKETPLACE_PORT", defaults.marketplace),
    explorer: port("AITBC_EXPLORER_PORT", defaults.explorer),
    minerDashboard: port("AITBC_MINER_DASHBOARD_PORT", defaults.miner_dashboard),
  };
}
