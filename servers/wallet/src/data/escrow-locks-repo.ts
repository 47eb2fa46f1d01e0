import { isUniqueViolation, type Knex } from "@aitbc/server-lib";
import type { SignedTx } from "@aitbc/sdk";
import type { EscrowLockRow, EscrowLockStore } from "../domain/escrow/escrow-lock-store.js";

export class EscrowLocksRepo implements EscrowLockStore {
  constructor(private readonly db: Knex) {}

  async find(jobId: string): Promise<EscrowLockRow | undefined> {
    const row = await this.db("wallet_escrow_locks").where({ job_id: jobId }).first();
    return row ? toLock(row) : undefined;
  }

  /** Records a signed lock before it is submitted. Returns false when the job already has one. */
  async insertSubmitted(lock: Omit<EscrowLockRow, "status" | "blockHeight">): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await this.db("wallet_escrow_locks").insert({
        job_id: lock.jobId,
        account_id: lock.accountId,
        address: lock.address,
        amount: lock.amountMicro.toString(),
        tx_hash: lock.txHash,
        tx_json: JSON.stringify(lock.tx),
        nonce: lock.tx.nonce,
        block_height: null,
        status: "submitted",
        created_at: now,
        updated_at: now,
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async markConfirmed(jobId: string, blockHeight: number): Promise<void> {
    await this.db("wallet_escrow_locks").where({ job_id: jobId }).update({
      status: "confirmed",
      block_height: blockHeight,
      updated_at: new Date().toISOString(),
    });
  }

  /** Forgets a lock the chain refused, so the job can be locked again. */
  async deleteUnconfirmed(jobId: string, txHash: string): Promise<void> {
    await this.db("wallet_escrow_locks")
      .where({ job_id: jobId, tx_hash: txHash, status: "submitted" })
      .delete();
  }
}

function toLock(row: Record<string, unknown>): EscrowLockRow {
  return {
    jobId: String(row.job_id),
    accountId: String(row.account_id),
    address: String(row.address),
    amountMicro: BigInt(row.amount as string | number),
    txHash: String(row.tx_hash),
    tx: JSON.parse(String(row.tx_json)) as SignedTx<"escrow_lock">,
    blockHeight: row.block_height === null ? null : Number(row.block_height),
    status: row.status === "confirmed" ? "confirmed" : "submitted",
  };
}
