// Transfers the wallet signed, recorded before they are submitted. With the signed bytes on disk, a
// retry, a restart or the reconciler can only ever resubmit the same transaction (same nonce, same
// hash), never sign a second payment. A transfer made with an Idempotency-Key claims the key in the
// same database transaction, so the key and the signature it stands for exist together or not at all.
import { IDEMPOTENCY_TABLE, isUniqueViolation, transaction, type Knex } from "@aitbc/server-lib";
import type { SignedTx } from "@aitbc/sdk";
import type {
  ClaimLookup,
  IdempotencyClaim,
  TransferRow,
  TransferStore,
} from "../domain/wallet/transfer-store.js";

const TABLE = "wallet_transfers";

export class TransfersRepo implements TransferStore {
  constructor(private readonly db: Knex) {}

  async findByClaim(scope: string, key: string): Promise<ClaimLookup> {
    const claim = await this.db(IDEMPOTENCY_TABLE).where({ scope, key }).first();
    if (!claim) return { found: false };
    const row = await this.db(TABLE)
      .where({ idempotency_scope: scope, idempotency_key: key })
      .first();
    return {
      found: true,
      requestHash: String(claim.request_hash),
      transfer: row ? toTransfer(row) : undefined,
    };
  }

  async find(txHash: string): Promise<TransferRow | undefined> {
    const row = await this.db(TABLE).where({ tx_hash: txHash }).first();
    return row ? toTransfer(row) : undefined;
  }

  /**
   * Records a signed transfer (and claims its Idempotency-Key) before it is submitted. False when
   * the key was claimed first by another request.
   */
  async recordSigned(
    transfer: Omit<TransferRow, "status" | "blockHeight" | "createdAt">,
    claim: IdempotencyClaim | undefined,
  ): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await transaction(this.db, async (trx) => {
        if (claim)
          await trx(IDEMPOTENCY_TABLE).insert({
            scope: claim.scope,
            key: claim.key,
            request_hash: claim.requestHash,
            created_at: now,
          });
        await trx(TABLE).insert({
          tx_hash: transfer.txHash,
          account_id: transfer.accountId,
          address: transfer.address,
          to_address: transfer.to,
          amount: transfer.amountMicro.toString(),
          nonce: transfer.nonce,
          tx_json: JSON.stringify(transfer.tx),
          idempotency_scope: claim?.scope ?? null,
          idempotency_key: claim?.key ?? null,
          status: "submitted",
          block_height: null,
          created_at: now,
          updated_at: now,
        });
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Marks the transfer included, and its Idempotency-Key (if any) answered. */
  async markConfirmed(txHash: string, blockHeight: number): Promise<void> {
    await transaction(this.db, async (trx) => {
      const row = await trx(TABLE).where({ tx_hash: txHash }).first();
      if (!row) return;
      await trx(TABLE).where({ tx_hash: txHash }).update({
        status: "confirmed",
        block_height: blockHeight,
        updated_at: new Date().toISOString(),
      });
      if (row.idempotency_key !== null)
        await trx(IDEMPOTENCY_TABLE)
          .where({ scope: row.idempotency_scope, key: row.idempotency_key })
          .update({ status: 201, body: JSON.stringify({ tx_hash: txHash }) });
    });
  }

  /**
   * Forgets a transfer the chain refused for good, with its Idempotency-Key, so the caller may try
   * again. A transfer already marked confirmed is never forgotten.
   */
  async forgetRefused(txHash: string): Promise<void> {
    await transaction(this.db, async (trx) => {
      const row = await trx(TABLE).where({ tx_hash: txHash, status: "submitted" }).first();
      if (!row) return;
      await trx(TABLE).where({ tx_hash: txHash, status: "submitted" }).delete();
      if (row.idempotency_key !== null)
        await trx(IDEMPOTENCY_TABLE)
          .where({ scope: row.idempotency_scope, key: row.idempotency_key })
          .delete();
    });
  }

  /** The address's transfers not known to be included, from nonce `fromNonce` up, in nonce order. */
  async listUnsettledOf(address: string, fromNonce: number): Promise<TransferRow[]> {
    const rows = await this.db(TABLE)
      .where({ address, status: "submitted" })
      .andWhere("nonce", ">=", fromNonce)
      .orderBy("nonce", "asc");
    return rows.map(toTransfer);
  }

  /** Transfers recorded at or before `before` whose outcome is not known yet, oldest first. */
  async listUnsettled(before: string, limit: number): Promise<TransferRow[]> {
    const rows = await this.db(TABLE)
      .where({ status: "submitted" })
      .andWhere("created_at", "<=", before)
      .orderBy("created_at", "asc")
      .limit(limit);
    return rows.map(toTransfer);
  }
}

function toTransfer(row: Record<string, unknown>): TransferRow {
  return {
    txHash: String(row.tx_hash),
    accountId: String(row.account_id),
    address: String(row.address),
    to: String(row.to_address),
    amountMicro: BigInt(row.amount as string | number),
    nonce: Number(row.nonce),
    tx: JSON.parse(String(row.tx_json)) as SignedTx<"transfer">,
    status: row.status === "confirmed" ? "confirmed" : "submitted",
    blockHeight: row.block_height === null ? null : Number(row.block_height),
    createdAt: String(row.created_at),
  };
}
