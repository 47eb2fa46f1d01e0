import type { Knex, Logger } from "@aitbc/server-lib";
import type { ChainNode } from "../domain/node/chain-node.js";
import type { IpRateLimitOptions } from "./ip-rate-limit.js";
import type { PeerInfo } from "../p2p/p2p-network.js";

/** What the routes need; buildApp() gets it from start.ts (or a test). */
export interface NodeDeps {
  logger: Logger;
  db: Knex;
  node: ChainNode;
  network: {
    peerInfo(): PeerInfo[];
    bestPeerHeight(): number;
    readonly syncer: { readonly syncing: boolean };
  };
  adminApiKey: string | undefined;
  /** How long the faucet waits for a block to include its transaction. */
  faucetWaitMs: number;
  version: string;
  /** Per-client-IP token bucket over every route; absent or false: none. */
  rateLimit?: IpRateLimitOptions | false;
}
