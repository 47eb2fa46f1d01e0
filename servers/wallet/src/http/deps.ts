import type { Authenticate, Knex, Logger } from "@aitbc/server-lib";
import type { BondTransactions } from "../domain/bond/bond-transactions.js";
import type { DepositTransactions } from "../domain/deposit/deposit-transactions.js";
import type { EscrowLocker } from "../domain/escrow/escrow-locker.js";
import type { WalletContext } from "../domain/wallet-context.js";
import type { Transfers } from "../domain/wallet/transfer.js";

/** What the routes need; buildApp() gets it from start.ts (or a test). */
export interface WalletDeps {
  logger: Logger;
  db: Knex;
  ctx: WalletContext;
  locker: EscrowLocker;
  deposits: DepositTransactions;
  bonds: BondTransactions;
  transfers: Transfers;
  authenticate: Authenticate;
  version: string;
  /** Requests per second per verified caller (ten times that per client IP); 0 turns it off. */
  rateLimitPerSecond?: number;
}
