// The two files other tools read to find a running stack: stack.json (URLs only, safe to share)
// and dev-credentials.json (the dev API keys, readable by the owner only).
import { writeJsonFile } from "./json-file.js";

/** `.aitbc/stack.json`. A service that this checkout does not have yet is `null`. */
export interface StackUrls {
  coordinator: string;
  nodes: string[];
  wallet: string;
  exchange: string | null;
  marketplace: string | null;
  explorer: string | null;
  miner_dashboard: string | null;
  /**
   * The exchange's fake Bitcoin testnet (Esplora API plus POST /_fake/pay and /_fake/mine), so a
   * dev user can "send" the BTC an exchange order asks for. Null without the exchange.
   */
  fake_bitcoin: string | null;
}

export interface DevAccount {
  id: string;
  api_key: string;
  address: string;
}

/** `.aitbc/dev-credentials.json`. */
export interface DevCredentials {
  admin: { api_key: string };
  provider: DevAccount & { service_id: string };
  customer: DevAccount;
}

export function writeStackJson(path: string, urls: StackUrls): void {
  writeJsonFile(path, urls);
}

export function writeDevCredentials(path: string, credentials: DevCredentials): void {
  writeJsonFile(path, credentials, { secret: true });
}
