// Where the pages send their API calls. Per URL: an explicit value wins, then the environment
// (AITBC_COORDINATOR_URL, …), then the running stack's `.aitbc/stack.json`, then the stack's default
// ports (shifted by AITBC_PORT_BASE): the order the `aitbc` CLI uses. `null` means "not running" and is
// a real answer (a stack without the exchange), not a gap to fill from the next layer.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, envInt, envOptional, type EnvSource } from "@aitbc/server-lib";
import { DEFAULT_PORT_BASE, defaultUrls } from "@aitbc/sdk";
import type { ApiUrls } from "./public-config.js";

type Layer = { [K in keyof ApiUrls]?: ApiUrls[K] | undefined };

function stackDefaults(portBase: number): ApiUrls {
  const urls = defaultUrls(portBase);
  return {
    coordinator: urls.coordinator,
    nodes: [urls.nodes[0]!],
    wallet: urls.wallet,
    exchange: urls.exchange,
    fake_bitcoin: null,
  };
}

/** `none` says a service is not running (a stack without the exchange), which "" cannot. */
function optionalService(env: EnvSource, name: string): string | null | undefined {
  const v = envOptional(env, name);
  return v?.toLowerCase() === "none" ? null : v;
}

function fromEnvironment(env: EnvSource): Layer {
  const nodes = envOptional(env, "AITBC_NODE_URLS") ?? envOptional(env, "AITBC_NODE_URL");
  return {
    coordinator: envOptional(env, "AITBC_COORDINATOR_URL"),
    nodes: nodes
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    wallet: envOptional(env, "AITBC_WALLET_URL"),
    exchange: optionalService(env, "AITBC_EXCHANGE_URL"),
    fake_bitcoin: optionalService(env, "AITBC_FAKE_BITCOIN_URL"),
  };
}

function fromStackJson(dataDir: string): Layer {
  const path = join(dataDir, "stack.json");
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new ConfigError(
      `${path} is not valid JSON. Restart the stack (npm start) to rewrite it.`,
    );
  }
  if (!parsed || typeof parsed !== "object") return {};
  const s = parsed as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" || v === null ? v : undefined);
  return {
    coordinator: typeof s.coordinator === "string" ? s.coordinator : undefined,
    nodes: Array.isArray(s.nodes) && s.nodes.length ? s.nodes.map(String) : undefined,
    wallet: typeof s.wallet === "string" ? s.wallet : undefined,
    exchange: str(s.exchange),
    fake_bitcoin: str(s.fake_bitcoin),
  };
}

export function checkUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}".`);
  return value.replace(/\/+$/, "");
}

export function resolveApiUrls(env: EnvSource, explicit: Layer = {}): ApiUrls {
  const portBase = envInt(env, "AITBC_PORT_BASE", DEFAULT_PORT_BASE, { min: 1, max: 65535 });
  const dataDir = resolve(envOptional(env, "AITBC_DATA_DIR") ?? ".aitbc");
  const layers: Layer[] = [explicit, fromEnvironment(env), fromStackJson(dataDir)];
  const defaults = stackDefaults(portBase);
  function first<K extends keyof ApiUrls>(key: K): ApiUrls[K] {
    for (const layer of layers) if (layer[key] !== undefined) return layer[key] as ApiUrls[K];
    return defaults[key];
  }
  const opt = (name: string, v: string | null) => (v === null ? null : checkUrl(name, v));
  const nodes = first("nodes");
  if (nodes.length === 0)
    throw new ConfigError("At least one node URL is needed (AITBC_NODE_URL).");
  return {
    coordinator: checkUrl("AITBC_COORDINATOR_URL", first("coordinator")),
    nodes: nodes.map((n) => checkUrl("AITBC_NODE_URL", n)),
    wallet: checkUrl("AITBC_WALLET_URL", first("wallet")),
    exchange: opt("AITBC_EXCHANGE_URL", first("exchange")),
    fake_bitcoin: opt("AITBC_FAKE_BITCOIN_URL", first("fake_bitcoin")),
  };
}
