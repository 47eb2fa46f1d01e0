// The shape of every page's `/config.json`: where the APIs and the sibling pages live. It is the
// shape of the stack's `.aitbc/stack.json` (URLs only, nothing secret), so one file feeds both.

export interface PublicConfig {
  coordinator: string;
  /** Every validator node; the explorer reads the first and lets the user switch. */
  nodes: string[];
  wallet: string;
  /** The exchange API and, at its root, the Trade Exchange page. */
  exchange: string | null;
  /** The exchange's fake Bitcoin testnet on dev stacks (shown as a payment hint), else null. */
  fake_bitcoin: string | null;
  marketplace: string | null;
  explorer: string | null;
  miner_dashboard: string | null;
}

/** The API part of the config: what a page server needs to be told. */
export type ApiUrls = Pick<
  PublicConfig,
  "coordinator" | "nodes" | "wallet" | "exchange" | "fake_bitcoin"
>;

export const SITES = ["marketplace", "explorer", "miner-dashboard", "exchange"] as const;
export type Site = (typeof SITES)[number];
