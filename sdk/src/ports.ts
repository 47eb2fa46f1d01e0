// The local stack's port plan, owned here because every package that needs a default (the
// servers, the stack launcher, the CLI, the web pages in the browser) already depends on the SDK.
// AITBC_PORT_BASE moves every port by the same amount, so a second stack fits beside the first.

export interface DefaultPorts {
  coordinator: number;
  /** One per validator, in validator order. */
  nodes: readonly number[];
  wallet: number;
  marketplace: number;
  explorer: number;
  exchange: number;
  /** The exchange's stand-in for Bitcoin testnet (an Esplora API), on dev stacks only. */
  fake_bitcoin: number;
  miner_dashboard: number;
}

/** The port base the defaults are written for; AITBC_PORT_BASE=28000 shifts every port by 10000. */
export const DEFAULT_PORT_BASE = 18000;

export const DEFAULT_PORTS: Readonly<DefaultPorts> = Object.freeze({
  coordinator: 18000,
  nodes: Object.freeze([19000, 19001, 19002]),
  wallet: 20000,
  marketplace: 21000,
  explorer: 22000,
  exchange: 23000,
  fake_bitcoin: 23001,
  miner_dashboard: 24000,
});

/** The default ports moved to `base` (an AITBC_PORT_BASE value). */
export function defaultPorts(base: number = DEFAULT_PORT_BASE): DefaultPorts {
  const shift = base - DEFAULT_PORT_BASE;
  return {
    coordinator: DEFAULT_PORTS.coordinator + shift,
    nodes: DEFAULT_PORTS.nodes.map((p) => p + shift),
    wallet: DEFAULT_PORTS.wallet + shift,
    marketplace: DEFAULT_PORTS.marketplace + shift,
    explorer: DEFAULT_PORTS.explorer + shift,
    exchange: DEFAULT_PORTS.exchange + shift,
    fake_bitcoin: DEFAULT_PORTS.fake_bitcoin + shift,
    miner_dashboard: DEFAULT_PORTS.miner_dashboard + shift,
  };
}

export interface DefaultUrls {
  coordinator: string;
  nodes: string[];
  wallet: string;
  marketplace: string;
  explorer: string;
  exchange: string;
  fake_bitcoin: string;
  miner_dashboard: string;
}

/**
 * The local stack's URLs for a port base. `origin` is the scheme and host without a port
 * (default `http://127.0.0.1`), so a page can point at the host it was served from.
 */
export function defaultUrls(
  base: number = DEFAULT_PORT_BASE,
  origin: string = "http://127.0.0.1",
): DefaultUrls {
  const ports = defaultPorts(base);
  const at = (port: number) => `${origin}:${port}`;
  return {
    coordinator: at(ports.coordinator),
    nodes: ports.nodes.map(at),
    wallet: at(ports.wallet),
    marketplace: at(ports.marketplace),
    explorer: at(ports.explorer),
    exchange: at(ports.exchange),
    fake_bitcoin: at(ports.fake_bitcoin),
    miner_dashboard: at(ports.miner_dashboard),
  };
}
