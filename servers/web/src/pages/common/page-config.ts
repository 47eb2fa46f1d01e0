// The URLs a page talks to, from its server's /config.json (the shape of .aitbc/stack.json).
// The Trade Exchange page may be served without one (AITBC_EXCHANGE_PAGES_DIR pointing at the
// plain build); it then uses its own origin for the exchange and the stack's default ports,
// shifted by the same amount as its own port, for the rest.
import { DEFAULT_PORT_BASE, DEFAULT_PORTS, defaultUrls } from "@aitbc/sdk";

export interface PageConfig {
  coordinator: string;
  nodes: string[];
  wallet: string;
  exchange: string | null;
  fake_bitcoin: string | null;
  marketplace: string | null;
  explorer: string | null;
  miner_dashboard: string | null;
}

const trim = (u: string) => u.replace(/\/+$/, "");

function str(v: unknown): string | null {
  return typeof v === "string" && v ? trim(v) : null;
}

function fromDefaultPorts(exchangeOrigin: string): PageConfig {
  const here = new URL(exchangeOrigin);
  const base = DEFAULT_PORT_BASE + Number(here.port || 80) - DEFAULT_PORTS.exchange;
  const urls = defaultUrls(base, `${here.protocol}//${here.hostname}`);
  return {
    coordinator: urls.coordinator,
    nodes: [urls.nodes[0]!],
    wallet: urls.wallet,
    exchange: trim(exchangeOrigin),
    fake_bitcoin: null,
    marketplace: urls.marketplace,
    explorer: urls.explorer,
    miner_dashboard: urls.miner_dashboard,
  };
}

export async function loadPageConfig(site: string): Promise<PageConfig> {
  let raw: Record<string, unknown> | undefined;
  try {
    const res = await fetch("/config.json", { cache: "no-store" });
    if (res.ok) raw = (await res.json()) as Record<string, unknown>;
  } catch {
    raw = undefined;
  }
  const fallback = fromDefaultPorts(location.origin);
  if (!raw) {
    if (site === "exchange") return fallback;
    throw new Error("This page's server did not answer /config.json. Restart aitbc-web.");
  }
  const nodes = Array.isArray(raw.nodes) ? raw.nodes.map((n) => str(n)).filter(Boolean) : [];
  return {
    coordinator: str(raw.coordinator) ?? fallback.coordinator,
    nodes: (nodes.length ? nodes : fallback.nodes) as string[],
    wallet: str(raw.wallet) ?? fallback.wallet,
    exchange: raw.exchange === undefined ? fallback.exchange : str(raw.exchange),
    fake_bitcoin: str(raw.fake_bitcoin),
    marketplace: str(raw.marketplace),
    explorer: str(raw.explorer),
    miner_dashboard: str(raw.miner_dashboard),
  };
}
