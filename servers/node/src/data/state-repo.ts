import type { Knex } from "@aitbc/server-lib";
import { LedgerState, type AccountState, type EscrowState } from "../domain/ledger/state.js";
import { escrowFromRow, escrowToRow, type EscrowRow } from "./rows.js";

export class StateRepo {
  constructor(private readonly db: Knex) {}

  async loadAll(): Promise<LedgerState> {
    const state = new LedgerState();
    const accounts = (await this.db("accounts").select()) as Array<{
      address: string;
      balance: string | number;
      nonce: string | number;
    }>;
    for (const a of accounts)
      state.accounts.set(a.address, { balance: BigInt(a.balance), nonce: Number(a.nonce) });
    const escrows = (await this.db("escrows").select()) as EscrowRow[];
    for (const e of escrows) state.escrows.set(e.job_id, escrowFromRow(e));
    return state;
  }

  /** Sum of the open escrows an address locked. */
  async lockedBy(owner: string): Promise<bigint> {
    const row = (await this.db("escrows")
      .where({ owner, status: "locked" })
      .sum({ total: "amount" })
      .first()) as { total: string | number | null } | undefined;
    return BigInt(row?.total ?? 0);
  }

  /** Writes final values; null (or an empty account) deletes the row. */
  static async write(
    trx: Knex.Transaction,
    accounts: Map<string, AccountState | null>,
    escrows: Map<string, EscrowState | null>,
  ): Promise<void> {
    const upserts: Array<Record<string, unknown>> = [];
    const deletes: string[] = [];
    for (const [address, a] of accounts) {
      if (!a || (a.balance === 0n && a.nonce === 0)) deletes.push(address);
      else upserts.push({ address, balance: a.balance.toString(), nonce: a.nonce });
    }
    for (let i = 0; i < upserts.length; i += 100)
      await trx("accounts")
        .insert(upserts.slice(i, i + 100))
        .onConflict("address")
        .merge();
    for (let i = 0; i < deletes.length; i += 100)
      await trx("accounts")
        .whereIn("address", deletes.slice(i, i + 100))
        .delete();

    const escrowUpserts: Array<Record<string, unknown>> = [];
    const escrowDeletes: string[] = [];
    for (const [jobId, e] of escrows) {
      if (e) escrowUpserts.push(escrowToRow(e));
      else escrowDeletes.push(jobId);
    }
    for (let i = 0; i < escrowUpserts.length; i += 50)
      await trx("escrows")
        .insert(escrowUpserts.slice(i, i + 50))
        .onConflict("job_id")
        .merge();
    for (let i = 0; i < escrowDeletes.length; i += 100)
      await trx("escrows")
        .whereIn("job_id", escrowDeletes.slice(i, i + 100))
        .delete();
  }
}
