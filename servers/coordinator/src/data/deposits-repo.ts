// The deposit_accounts and deposit_reservations tables: the cached chain deposits and the jobs'
// reservations against them.
import type { Knex } from "@aitbc/server-lib";
import type { DepositStore, ReservationEnd } from "../domain/deposits/deposit-store.js";
import type {
  DepositAccount,
  DepositReservation,
  ReservationStatus,
} from "../domain/deposits/reservation.js";
import type { Tx } from "../domain/store/transactions.js";
import { big, firstRow, forUpdate } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

/** The statuses whose amount has not left the chain deposit yet. */
const OPEN_STATUSES: readonly ReservationStatus[] = ["held", "owed", "batched"];

function accountFromRow(r: Record<string, unknown>): DepositAccount {
  return {
    ownerAddress: String(r.owner_address),
    chainAmountMicro: big(r.chain_amount_micro),
    chainHeight: Number(r.chain_height),
    chainStatus: String(r.chain_status),
    refreshedAt: String(r.refreshed_at),
  };
}

function reservationFromRow(r: Record<string, unknown>): DepositReservation {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    jobId: String(r.job_id),
    ownerAddress: String(r.owner_address),
    amountMicro: big(r.amount_micro),
    status: r.status as ReservationStatus,
    providerAddress: s(r.provider_address),
    receiptHash: s(r.receipt_hash),
    batchId: s(r.batch_id),
    settledHeight:
      r.settled_height === null || r.settled_height === undefined ? null : Number(r.settled_height),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export class DepositsRepo implements DepositStore {
  constructor(private readonly db: Knex) {}

  async account(owner: string, tx?: Tx): Promise<DepositAccount | undefined> {
    const r = await firstRow(
      knexOf(tx, this.db)("deposit_accounts").where({ owner_address: owner }),
    );
    return r ? accountFromRow(r) : undefined;
  }

  async lockAccount(tx: Tx, owner: string): Promise<DepositAccount | undefined> {
    const trx = knexOf(tx, this.db);
    const r = await firstRow(
      forUpdate(trx, trx("deposit_accounts").where({ owner_address: owner })),
    );
    return r ? accountFromRow(r) : undefined;
  }

  async saveAccount(a: DepositAccount): Promise<void> {
    const row = {
      owner_address: a.ownerAddress,
      chain_amount_micro: a.chainAmountMicro.toString(),
      chain_height: a.chainHeight,
      chain_status: a.chainStatus,
      refreshed_at: a.refreshedAt,
    };
    await this.db("deposit_accounts").insert(row).onConflict("owner_address").ignore();
    // The finalized deposit at one height is the same for every reader, so a read at the cached
    // height rewrites the same values (and marks the cache fresh); a lower one is dropped.
    await this.db("deposit_accounts")
      .where({ owner_address: a.ownerAddress })
      .where("chain_height", "<=", a.chainHeight)
      .update(row);
  }

  async reservedAgainst(owner: string, chainHeight: number, tx?: Tx): Promise<bigint> {
    const [r] = (await knexOf(
      tx,
      this.db,
    )("deposit_reservations")
      .where({ owner_address: owner })
      .where((w) =>
        w
          .whereIn("status", [...OPEN_STATUSES])
          .orWhere((x) => x.where({ status: "settled" }).where("settled_height", ">", chainHeight)),
      )
      // As text: SQLite's drivers read a 64-bit sum as a float.
      .select(this.db.raw("cast(coalesce(sum(amount_micro), 0) as text) as s"))) as Array<{
      s: unknown;
    }>;
    return big(String(r?.s ?? "0"));
  }

  async insertReservation(tx: Tx, r: DepositReservation): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("deposit_reservations").insert({
      job_id: r.jobId,
      owner_address: r.ownerAddress,
      amount_micro: r.amountMicro.toString(),
      status: r.status,
      provider_address: r.providerAddress,
      receipt_hash: r.receiptHash,
      batch_id: r.batchId,
      settled_height: r.settledHeight,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
    });
  }

  async reservation(jobId: string, tx?: Tx): Promise<DepositReservation | undefined> {
    const r = await firstRow(knexOf(tx, this.db)("deposit_reservations").where({ job_id: jobId }));
    return r ? reservationFromRow(r) : undefined;
  }

  async endReservation(tx: Tx, jobId: string, end: ReservationEnd, now: string): Promise<boolean> {
    const changed = await knexOf(
      tx,
      this.db,
    )("deposit_reservations")
      .where({ job_id: jobId, status: "held" })
      .update({
        status: end.status,
        amount_micro: end.amountMicro.toString(),
        provider_address: end.providerAddress,
        receipt_hash: end.receiptHash,
        updated_at: now,
      });
    return Number(changed) > 0;
  }
}
