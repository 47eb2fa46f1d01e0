// Which port each service of the stack listens on. The SDK's default ports unless told
// otherwise; AITBC_PORT_BASE shifts all of them together, a per-service variable (HACKING.md,
// "Ports and environment") sets one, and tests ask for free ports so that stacks never collide.
import { DEFAULT_PORT_BASE, DEFAULT_PORTS } from "@aitbc/sdk";

export { DEFAULT_PORTS };

export interface PortPlan {
  coordinator: number;
  /** One per validator, in validator order. */
  nodes: number[];
  wallet: number;
  exchange: number;
  marketplace: number;
  explorer: number;
  miner_dashboard: number;
  /** The exchange's stand-in for Bitcoin testnet (an Esplora API), on dev stacks only. */
  fake_bitcoin: number;
}

export type PortKey = Exclude<keyof PortPlan, "nodes"> | "node";

/** The environment variable that moves each port, for error messages and docs. */
export const PORT_VARIABLES: Readonly<Record<PortKey, string>> = {
  coordinator: "AITBC_COORDINATOR_PORT",
  node: "AITBC_NODE_PORT",
  wallet: "AITBC_WALLET_PORT",
  marketplace: "AITBC_MARKETPLACE_PORT",
  explorer: "AITBC_EXPLORER_PORT",
  exchange: "AITBC_EXCHANGE_PORT",
  miner_dashboard: "AITBC_MINER_DASHBOARD_PORT",
  fake_bitcoin: "AITBC_FAKE_BITCOIN_PORT",
};

export class PortPlanError extends Error {}

export interface PortPlanInput {
  env?: Record<string, string | undefined>;
  /** Overrides AITBC_PORT_BASE. */
  base?: number;
  /** Number of validator nodes (default 3). */
  validators?: number;
}

function readPort(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new PortPlanError(`${name} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return n;
}

/** The port plan from the environment: AITBC_PORT_BASE shifts every default, per-service variables win. */
export function planPorts(input: PortPlanInput = {}): PortPlan {
  const env = input.env ?? process.env;
  const validators = input.validators ?? 3;
  const base = input.base ?? readPort(env, "AITBC_PORT_BASE") ?? DEFAULT_PORT_BASE;
  const shift = base - DEFAULT_PORT_BASE;
  const pick = (key: Exclude<PortKey, "node">) =>
    readPort(env, PORT_VARIABLES[key]) ?? DEFAULT_PORTS[key] + shift;
  const firstNode = readPort(env, PORT_VARIABLES.node) ?? DEFAULT_PORTS.nodes[0]! + shift;
  const plan: PortPlan = {
    coordinator: pick("coordinator"),
    nodes: Array.from({ length: validators }, (_, i) => firstNode + i),
    wallet: pick("wallet"),
    marketplace: pick("marketplace"),
    explorer: pick("explorer"),
    exchange: pick("exchange"),
    miner_dashboard: pick("miner_dashboard"),
    fake_bitcoin: pick("fake_bitcoin"),
  };
  const all = portsOf(plan);
  const top = Math.max(...all.map((p) => p.port));
  if (top > 65535) {
    throw new PortPlanError(
      `AITBC_PORT_BASE=${base} puts ${all.find((p) => p.port === top)!.name} on port ${top}, above 65535. Use a base of at most ${65535 - (top - base)}.`,
    );
  }
  const seen = new Map<number, string>();
  for (const { name, port } of all) {
    const other = seen.get(port);
    if (other) throw new PortPlanError(`${name} and ${other} would both use port ${port}.`);
    seen.set(port, name);
  }
  return plan;
}

export interface NamedPort {
  /** For example `coordinator` or `node-1`. */
  name: string;
  port: number;
  /** The variable that changes it. */
  variable: string;
}

export function portsOf(plan: PortPlan): NamedPort[] {
  const single = (key: Exclude<PortKey, "node">): NamedPort => ({
    name: key,
    port: plan[key],
    variable: PORT_VARIABLES[key],
  });
  return [
    single("coordinator"),
    ...plan.nodes.map((port, i) => ({ name: `node-${i}`, port, variable: PORT_VARIABLES.node })),
    single("wallet"),
    single("marketplace"),
    single("explorer"),
    single("exchange"),
    single("miner_dashboard"),
    single("fake_bitcoin"),
  ];
}
