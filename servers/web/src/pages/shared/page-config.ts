// The URLs a page talks to, from its server's /config.json (the shape of .aitbc/stack.json).
// The Trade Exchange page may be served without one (AITBC_EXCHANGE_PAGES_DIR pointing at the
// plain build); it then uses its own origin for the exchange and the seed's ports, shifted by the
// same amount as its own port, for the rest.

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

function fromSeedPorts(exchangeOrigin: string): PageConfig {
  const here = new URL(exchangeOrigin);
  const shift = Number(here.port || 80) - 23000;
  const at = (port: number) => `${here.protocol}//${here.hostname}:${port + shift}`;
  return {
    coordinator: at(18000),
    nodes: [at(19000)],
    wallet: at(20000),
    exchange: trim(exchangeOrigin),
    fake_bitcoin: null,
    marketplace: at(21000),
    explorer: at(22000),
    miner_dashboard: at(24000),
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
  const fallback = fromSeedPorts(location.origin);
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
