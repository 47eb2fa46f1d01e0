import type { Authenticate, Knex, Logger } from "@aitbc/server-lib";
import type { BitcoinNetwork } from "../domain/bitcoin/bitcoin-network.js";
import type { OrderBook } from "../domain/orders/order-book.js";
import type { ChainClient } from "../domain/settlement/chain-client.js";

/** What the routes need; buildApp() gets it from start.ts (or a test). */
export interface ExchangeDeps {
  logger: Logger;
  db: Knex;
  book: OrderBook;
  chain: ChainClient;
  bitcoin: BitcoinNetwork;
  authenticate: Authenticate;
  requiredConfirmations: number;
  orderTtlS: number;
  version: string;
  rateLimitPerSecond?: number;
  /**
   * A directory of static files (the Trade Exchange page) served at `/` on the same port, so
   * the page and the API share one origin (:23000 by default). Only `/api/…` is the API.
   */
  pagesDir?: string;
}
