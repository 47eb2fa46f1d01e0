// Reserves jobs' budgets against their customers' prepaid deposits. A reservation is written in
// the transaction that creates its job, under the lock of the owner's cached deposit row, so the
// reservations of one owner are serialized and their sum never exceeds the cached finalized
// deposit. The cache is refreshed from the node before that transaction (never inside it: a node
// read must not hold a database lock).
import type { Logger } from "@aitbc/server-lib";
import type { Tx } from "../store/transactions.js";
import type { DepositReader } from "./deposit-reader.js";
import type { DepositStore, ReservationEnd } from "./deposit-store.js";
import type { DepositAccount } from "./reservation.js";

/**
 * A cached deposit older than this is read again before it is reserved against. A cached answer
 * that the owner has no active deposit stays good this long too, so a customer without one who
 * submits with `funding: auto` (the escrow path then) does not cost a node read per job.
 */
const STALE_MS = 2000;
/**
 * A deposit that looked too small is read again once it is this old: a `deposit_lock` that just
 * became final shows up without waiting for the cache to go stale, while a burst of jobs against a
 * drained deposit does not read the node for each of them.
 */
const SHORT_RECHECK_MS = 250;

/**
 * How much a refresh may trust the cache. `auto` may fall back to the escrow, so a short or absent
 * deposit seen recently is taken as it is; `deposit` has no fallback and would be refused, so
 * only a cache that covers the budget spares the node read.
 */
export type DepositNeed = "auto" | "deposit";

export class DepositLedger {
  constructor(
    private readonly store: DepositStore,
    /** Undefined when the coordinator has no node: deposits are then never available. */
    private readonly reader: DepositReader | undefined,
    private readonly logger: Logger,
  ) {}

  /**
   * Reads the owner's finalized deposit from the node when the cached one is missing, stale, or
   * short of `budgetMicro` (see DepositNeed for when a short one is trusted). A node that does not
   * answer leaves the cache as it is.
   */
  async refresh(owner: string, budgetMicro: bigint, need: DepositNeed = "auto"): Promise<void> {
    if (!this.reader) return;
    const cached = await this.store.account(owner);
    if (cached) {
      const age = Date.now() - Date.parse(cached.refreshedAt);
      if (age <= STALE_MS && (await this.covers(cached, budgetMicro))) return;
      if (need === "auto") {
        if (age <= SHORT_RECHECK_MS) return;
        if (age <= STALE_MS && cached.chainStatus !== "active") return;
      }
    }
    try {
      const read = await this.reader.finalizedDeposit(owner);
      await this.store.saveAccount({
        ownerAddress: owner,
        chainAmountMicro: read.amountMicro,
        chainHeight: read.height,
        chainStatus: read.status,
        refreshedAt: new Date().toISOString(),
      });
    } catch (err) {
      this.logger.warn({ err, owner }, "could not read the deposit from the node; using the cache");
    }
  }

  /**
   * Reserves `budgetMicro` of the owner's deposit for the job, in the caller's transaction:
   * locks the owner's cached deposit and inserts a `held` reservation if the deposit is active
   * and its unreserved part covers the budget. Whether it did.
   */
  async tryReserve(tx: Tx, owner: string, jobId: string, budgetMicro: bigint): Promise<boolean> {
    if (!this.reader) return false;
    const account = await this.store.lockAccount(tx, owner);
    if (!account || account.chainStatus !== "active") return false;
    if ((await this.unreserved(account, tx)) < budgetMicro) return false;
    const now = new Date().toISOString();
    await this.store.insertReservation(tx, {
      jobId,
      ownerAddress: owner,
      amountMicro: budgetMicro,
      status: "held",
      providerAddress: null,
      receiptHash: null,
      batchId: null,
      settledHeight: null,
      createdAt: now,
      updatedAt: now,
    });
    return true;
  }

  /** The owner's deposit not yet promised to any job, as of the cache (0 without a cache). */
  async available(owner: string): Promise<bigint> {
    const account = await this.store.account(owner);
    return account && account.chainStatus === "active" ? this.unreserved(account) : 0n;
  }

  /** Ends a job's held reservation in the caller's transaction (see reservationEnd). */
  async end(tx: Tx, jobId: string, end: ReservationEnd): Promise<void> {
    const ended = await this.store.endReservation(tx, jobId, end, new Date().toISOString());
    if (!ended)
      this.logger.error({ job_id: jobId }, "a deposit job ended without a held reservation");
  }

  private async covers(account: DepositAccount, budgetMicro: bigint): Promise<boolean> {
    return account.chainStatus === "active" && (await this.unreserved(account)) >= budgetMicro;
  }

  private async unreserved(account: DepositAccount, tx?: Tx): Promise<bigint> {
    const reserved = await this.store.reservedAgainst(
      account.ownerAddress,
      account.chainHeight,
      tx,
    );
    return account.chainAmountMicro - reserved;
  }
}

/**
 * What a job's reservation becomes when the job ends: `owed` the provider's pay (waiting for a
 * settlement batch), or `released` with nothing counted against the deposit any more.
 */
export function reservationEnd(
  paidMicro: bigint,
  providerAddress: string | null,
  receiptHash: string | null,
): ReservationEnd {
  return paidMicro > 0n
    ? { status: "owed", amountMicro: paidMicro, providerAddress, receiptHash }
    : { status: "released", amountMicro: 0n, providerAddress: null, receiptHash: null };
}
