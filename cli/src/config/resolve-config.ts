// Where the CLI sends requests and with which key. Flags win over the environment, the environment
// over the local stack's files, and those over the default ports; `aitbc health --json` shows the
// choice so that "which stack am I talking to?" always has an answer.
import { DEFAULT_URLS } from "@aitbc/sdk";
import { findStackDir, readStack, type FoundStack } from "./find-stack.js";

export type Identity = "customer" | "provider" | "admin";

export interface CliConfig {
  coordinatorUrl: string;
  nodeUrls: string[];
  walletUrl: string;
  exchangeUrl: string | undefined;
  /** The web pages of the local stack (from stack.json), for `health`. */
  pages: Array<{ name: string; url: string }>;
  /** The key for the command's identity, or undefined when none is known. */
  apiKey: string | undefined;
  identity: Identity;
  /** Where the URLs and the key came from, for `health` and for error hints. */
  source: { urls: "flags/env" | "stack.json" | "defaults"; apiKey: string };
  stack: FoundStack | undefined;
}

export interface ConfigInput {
  env: Record<string, string | undefined>;
  cwd: string;
  identity: Identity;
  flags: { coordinatorUrl?: string; nodeUrl?: string; walletUrl?: string; apiKey?: string };
}

export function resolveConfig(input: ConfigInput): CliConfig {
  const { env, flags, identity } = input;
  const stack = readStack(findStackDir(input.cwd, env));
  const s = stack?.stack;
  const explicit = Boolean(
    flags.coordinatorUrl ||
    flags.nodeUrl ||
    flags.walletUrl ||
    env.AITBC_COORDINATOR_URL ||
    env.AITBC_NODE_URL ||
    env.AITBC_WALLET_URL,
  );
  const nodeOverride = flags.nodeUrl ?? env.AITBC_NODE_URL;
  const config: CliConfig = {
    coordinatorUrl: trim(
      flags.coordinatorUrl ??
        env.AITBC_COORDINATOR_URL ??
        s?.coordinator ??
        DEFAULT_URLS.coordinatorUrl,
    ),
    nodeUrls: (nodeOverride
      ? [nodeOverride]
      : s?.nodes?.length
        ? s.nodes
        : [DEFAULT_URLS.nodeUrl]
    ).map(trim),
    walletUrl: trim(flags.walletUrl ?? env.AITBC_WALLET_URL ?? s?.wallet ?? DEFAULT_URLS.walletUrl),
    exchangeUrl: env.AITBC_EXCHANGE_URL ?? s?.exchange ?? undefined,
    pages: (["marketplace", "explorer", "miner_dashboard"] as const)
      .filter((k) => typeof s?.[k] === "string")
      .map((k) => ({ name: k, url: trim(s![k] as string) })),
    apiKey: undefined,
    identity,
    source: {
      urls: explicit ? "flags/env" : s?.coordinator ? "stack.json" : "defaults",
      apiKey: "none",
    },
    stack,
  };
  const creds = stack?.credentials;
  const candidates: Array<[string, string | undefined]> = [
    ["--api-key", flags.apiKey],
    ...(identity === "admin"
      ? ([
          ["AITBC_ADMIN_API_KEY", env.AITBC_ADMIN_API_KEY],
          ["dev-credentials.json (admin)", creds?.admin?.api_key],
          ["AITBC_API_KEY", env.AITBC_API_KEY],
        ] as Array<[string, string | undefined]>)
      : ([
          ["AITBC_API_KEY", env.AITBC_API_KEY],
          [`dev-credentials.json (${identity})`, creds?.[identity]?.api_key],
        ] as Array<[string, string | undefined]>)),
  ];
  const chosen = candidates.find(([, v]) => v);
  if (chosen) {
    config.apiKey = chosen[1];
    config.source.apiKey = chosen[0];
  }
  return config;
}

function trim(url: string): string {
  return url.replace(/\/+$/, "");
}
