// What the deposit ledger needs from storage (implemented in data/deposits-repo.ts).
import type { Tx } from "../store/transactions.js";
import type { DepositAccount, DepositReservation, ReservationStatus } from "./reservation.js";

/** How a reservation ends with its job: what it now counts against the deposit. */
export interface ReservationEnd {
  status: Extract<ReservationStatus, "owed" | "released">;
  amountMicro: bigint;
  providerAddress: string | null;
  receiptHash: string | null;
}

export interface DepositStore {
  account(owner: string, tx?: Tx): Promise<DepositAccount | undefined>;
  /**
   * Reads the owner's cached deposit and, on databases that lock rows, holds it until the
   * transaction ends: every reservation of the owner goes through this row.
   */
  lockAccount(tx: Tx, owner: string): Promise<DepositAccount | undefined>;
  /**
   * Stores a read of the chain. An existing row is overwritten only by a read at the same or a
   * higher finalized height, so a slow read never moves the cache back in time.
   */
  saveAccount(account: DepositAccount): Promise<void>;
  /**
   * Σ amount of the owner's reservations still to come out of a chain deposit read at
   * `chainHeight`: held, owed and batched ones, and settled ones final above that height.
   */
  reservedAgainst(owner: string, chainHeight: number, tx?: Tx): Promise<bigint>;
  insertReservation(tx: Tx, reservation: DepositReservation): Promise<void>;
  reservation(jobId: string, tx?: Tx): Promise<DepositReservation | undefined>;
  /** Moves a `held` reservation to its end; whether it was held. */
  endReservation(tx: Tx, jobId: string, end: ReservationEnd, now: string): Promise<boolean>;
}
