import type { Knex } from "@aitbc/server-lib";
import type { StateRecord } from "../domain/ledger/records.js";
import { LedgerState, type AccountState, type EscrowRecord } from "../domain/ledger/state.js";
import { recordFromJson, recordToJson } from "./record-codec.js";
import {
  escrowFromRow,
  escrowToRow,
  tombstoneFromRow,
  type EscrowRow,
  type TombstoneRow,
} from "./rows.js";

const ESCROW_COLUMNS = ["job_id", "owner", "amount", "lock_tx_hash", "lock_height"];

async function inChunks<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

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
    const escrows = (await this.db("escrows").select(ESCROW_COLUMNS)) as EscrowRow[];
    for (const e of escrows) state.escrows.set(e.job_id, escrowFromRow(e));
    const tombstones = (await this.db("escrow_tombstones").select()) as TombstoneRow[];
    for (const t of tombstones) state.escrows.set(t.job_id, tombstoneFromRow(t));
    const records = (await this.db("state_records").select("key", "body")) as Array<{
      key: string;
      body: string;
    }>;
    for (const r of records)
      state.records.set(r.key, recordFromJson(JSON.parse(r.body) as Record<string, unknown>));
    return state;
  }

  /** Sum of the open escrows an address locked. */
  async lockedBy(owner: string): Promise<bigint> {
    const row = (await this.db("escrows").where({ owner }).sum({ total: "amount" }).first()) as
      { total: string | number | null } | undefined;
    return BigInt(row?.total ?? 0);
  }

  /**
   * Writes final values; null (or an empty account) deletes the row. An open escrow lives in
   * `escrows`, a released one only as a row of `escrow_tombstones`.
   */
  static async write(
    trx: Knex.Transaction,
    accounts: Map<string, AccountState | null>,
    escrows: Map<string, EscrowRecord | null>,
    records: Map<string, StateRecord | null>,
  ): Promise<void> {
    const upserts: Array<Record<string, unknown>> = [];
    const deletes: string[] = [];
    for (const [address, a] of accounts) {
      if (!a || (a.balance === 0n && a.nonce === 0)) deletes.push(address);
      else upserts.push({ address, balance: a.balance.toString(), nonce: a.nonce });
    }
    await inChunks(upserts, 100, (c) => trx("accounts").insert(c).onConflict("address").merge());
    await inChunks(deletes, 100, (c) => trx("accounts").whereIn("address", c).delete());

    const open: Array<Record<string, unknown>> = [];
    const tombstones: Array<Record<string, unknown>> = [];
    const notOpen: string[] = [];
    const notTombstone: string[] = [];
    for (const [jobId, e] of escrows) {
      if (e?.status === "locked") open.push(escrowToRow(e));
      else notOpen.push(jobId);
      if (e && e.status !== "locked") tombstones.push({ ...e });
      else notTombstone.push(jobId);
    }
    await inChunks(notOpen, 100, (c) => trx("escrows").whereIn("job_id", c).delete());
    await inChunks(notTombstone, 100, (c) =>
      trx("escrow_tombstones").whereIn("job_id", c).delete(),
    );
    await inChunks(open, 50, (c) => trx("escrows").insert(c).onConflict("job_id").merge());
    await inChunks(tombstones, 100, (c) =>
      trx("escrow_tombstones").insert(c).onConflict("job_id").merge(),
    );

    const recordUpserts: Array<Record<string, unknown>> = [];
    const recordDeletes: string[] = [];
    for (const [key, r] of records) {
      if (r) recordUpserts.push({ key, kind: r.kind, body: JSON.stringify(recordToJson(r)) });
      else recordDeletes.push(key);
    }
    await inChunks(recordDeletes, 100, (c) => trx("state_records").whereIn("key", c).delete());
    await inChunks(recordUpserts, 100, (c) =>
      trx("state_records").insert(c).onConflict("key").merge(),
    );
  }
}
