// A transfer from the caller's custodial key, paid at most once.
//
// The balance check runs inside the signing lock on fresh chain state, so an overspend is refused
// before anything is signed. The signed tx is recorded (with its Idempotency-Key, if any) before
// the node sees it. From then on the transfer is that one signature: a retry with the same key, a
// restart or the reconciler only ever resubmit those bytes, so a lost answer cannot turn into a
// second payment. A record is dropped only when the chain refused the tx for good.
import { formatAitbc } from "@aitbc/sdk";
import { ChainRejected, Conflict, InsufficientFunds, Unavailable } from "@aitbc/server-lib";
import type { Caller } from "@aitbc/server-lib";
import type { IdempotencyClaim, TransferRow } from "./transfer-store.js";
import type { CustodialAccount } from "../keys/keystore.js";
import type { WalletContext } from "../wallet-context.js";
import type { ChainAccount } from "../chain/chain-gateway.js";
import type { SubmittedTx } from "../chain/tx-signer.js";
import { rejectionToAppError } from "../chain/rejection-errors.js";
import { custodialAccountOf } from "./caller-account.js";

export interface TransferResult {
  txHash: string;
  from: string;
  to: string;
  amountMicro: bigint;
  nonce: number;
  status: "confirmed" | "pending";
  blockHeight: number | null;
}

/** The key a request came with and the fingerprint of its body. */
export type TransferIdempotency = IdempotencyClaim;

/** How often a tx the node dropped is offered again before the caller gets `pending`. */
const DROPPED_RESUBMITS = 3;

class ClaimTaken extends Error {}

/** The recorded tx can never be included: another tx of the address has its nonce on chain. */
class NonceTakenElsewhere extends Error {}

export class Transfers {
  /** Transfers being settled in this process, by tx hash: concurrent retries share one wait. */
  private readonly settling = new Map<string, Promise<TransferResult>>();

  constructor(private readonly ctx: WalletContext) {}

  async transfer(
    caller: Caller,
    input: { to: string; amountMicro: bigint },
    idempotency?: TransferIdempotency,
  ): Promise<TransferResult> {
    const account = await custodialAccountOf(this.ctx.keystore, caller, [
      "customer",
      "provider",
      "admin",
    ]);
    // Two rounds: a request that lost the race for its key settles the winner's transfer, and a
    // recorded transfer whose nonce went to another tx is signed afresh.
    for (let round = 0; round < 2; round++) {
      if (idempotency) {
        const earlier = await this.ctx.transfers.findByClaim(idempotency.scope, idempotency.key);
        if (earlier.found) {
          if (earlier.requestHash !== idempotency.requestHash)
            throw new Conflict(
              "idempotency_key_reused",
              "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
            );
          if (!earlier.transfer)
            throw new Conflict(
              "idempotency_in_progress",
              "A request with this Idempotency-Key is still being processed. Retry in a moment.",
            );
          try {
            return await this.settle(earlier.transfer);
          } catch (err) {
            if (err instanceof NonceTakenElsewhere) continue;
            throw err;
          }
        }
      }
      const fresh = await this.signFresh(account, input, idempotency);
      if (fresh) return fresh;
    }
    throw new Conflict(
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still being processed. Retry in a moment.",
    );
  }

  /**
   * Brings a recorded transfer to an outcome: included (marked confirmed), still pending after the
   * wait, or refused for good (the record is dropped and the refusal thrown).
   */
  settle(row: TransferRow): Promise<TransferResult> {
    if (row.status === "confirmed" && row.blockHeight !== null)
      return Promise.resolve(resultOf(row, row.blockHeight));
    return this.track(row, () => this.offer(row)).running;
  }

  /**
   * Settles several records of one address: offered to the node again one by one in nonce order
   * (a later nonce first would be refused as a gap), then waited for together. Resolves with the
   * failures.
   */
  async settleInOrder(rows: readonly TransferRow[]): Promise<unknown[]> {
    const running: Array<Promise<TransferResult>> = [];
    for (const row of [...rows].sort((a, b) => a.nonce - b.nonce)) {
      if (this.settling.has(row.txHash)) continue;
      const tracked = this.track(row, () => this.offer(row));
      running.push(tracked.running);
      await tracked.offered?.catch(() => undefined);
    }
    const outcomes = await Promise.allSettled(running);
    return outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  }

  /** Runs `offered` then the wait for the tx, once per tx in this process. */
  private track(
    row: TransferRow,
    offer: () => Promise<TransferResult | undefined>,
  ): { running: Promise<TransferResult>; offered?: Promise<unknown> } {
    const existing = this.settling.get(row.txHash);
    if (existing) return { running: existing };
    const offered = offer();
    const running = offered
      .then((done) => done ?? this.confirm(row))
      .finally(() => this.settling.delete(row.txHash));
    this.settling.set(row.txHash, running);
    return { running, offered };
  }

  /** Undefined when another request claimed the same Idempotency-Key first. */
  private async signFresh(
    account: CustodialAccount,
    input: { to: string; amountMicro: bigint },
    idempotency: TransferIdempotency | undefined,
  ): Promise<TransferResult | undefined> {
    const recordOf = (signed: SubmittedTx<"transfer">) => ({
      txHash: signed.txHash,
      accountId: account.accountId,
      address: account.address,
      to: input.to,
      amountMicro: input.amountMicro,
      nonce: signed.tx.nonce,
      tx: signed.tx,
    });
    let recordedHash: string | undefined;
    let signed;
    try {
      signed = await this.ctx.signer.signAndSubmit(
        account,
        "transfer",
        { to: input.to, amount: input.amountMicro.toString() },
        {
          beforeSign: (state) => this.resubmitLost(state),
          precheck: (state) => {
            if (state.balanceMicro < input.amountMicro)
              throw new InsufficientFunds(
                `The balance of ${account.address} is ${formatAitbc(state.balanceMicro)} AITBC; this transfer needs ${formatAitbc(input.amountMicro)} AITBC.`,
              );
          },
          beforeSubmit: async (fresh) => {
            if (!(await this.ctx.transfers.recordSigned(recordOf(fresh), idempotency)))
              throw new ClaimTaken();
            recordedHash = fresh.txHash;
          },
          onRejected: async ({ txHash }) => {
            recordedHash = undefined;
            await this.ctx.transfers.forgetRefused(txHash);
          },
        },
      );
    } catch (err) {
      if (err instanceof ClaimTaken) return undefined;
      if (recordedHash && !(err instanceof ChainRejected))
        throw new Unavailable(
          `Transfer ${recordedHash} is signed and recorded, but the node did not confirm receiving it. The wallet keeps submitting this same transaction; retry with the same Idempotency-Key for its outcome (it is never signed twice).`,
        );
      throw rejectionToAppError(err);
    }
    const row: TransferRow = {
      ...recordOf(signed),
      status: "submitted",
      blockHeight: null,
      createdAt: new Date().toISOString(),
    };
    return this.track(row, async () => undefined).running;
  }

  /** Makes sure the node has the recorded tx; the result when a block already has it. */
  private async offer(row: TransferRow): Promise<TransferResult | undefined> {
    const known = await this.ctx.chain.getTransaction(row.txHash);
    if (known.status === "confirmed") {
      await this.ctx.transfers.markConfirmed(row.txHash, known.blockHeight);
      return resultOf(row, known.blockHeight);
    }
    if (known.status === "unknown" || known.status === "rejected") await this.resubmit(row);
    return undefined;
  }

  private async confirm(row: TransferRow): Promise<TransferResult> {
    for (let attempt = 0; attempt < DROPPED_RESUBMITS; attempt++) {
      let inclusion;
      try {
        inclusion = await this.ctx.inclusions.wait(row.txHash, this.ctx.confirmTimeoutMs);
      } catch (err) {
        if (!(err instanceof ChainRejected)) throw err;
        // The node took it and dropped it later (for example after a restart or a competing
        // tx): offer the same bytes again; a refusal for good ends here.
        await this.resubmit(row);
        continue;
      }
      if (!inclusion.included) break;
      await this.ctx.transfers.markConfirmed(row.txHash, inclusion.blockHeight);
      return resultOf(row, inclusion.blockHeight);
    }
    return resultOf(row, null);
  }

  /** Offers the recorded bytes again; throws when the chain refused them for good. */
  private async resubmit(row: TransferRow): Promise<void> {
    const dropped = await this.resubmitOrDrop(row);
    if (dropped) throw dropped;
  }

  /**
   * Offers the recorded bytes again. When the node refuses them and no block has them, the record
   * is dropped and the error for the caller returned: NonceTakenElsewhere when another tx holds
   * its nonce on chain (it can never be included, so signing anew is safe), else the refusal. A
   * refusal for a nonce gap keeps the record (an earlier tx of the address is missing; once it is
   * back, this one fits) and throws Unavailable; so does an unreachable node.
   */
  private async resubmitOrDrop(row: TransferRow): Promise<Error | undefined> {
    try {
      await this.ctx.signer.resubmit({ tx: row.tx, txHash: row.txHash });
      return undefined;
    } catch (err) {
      if (!(err instanceof ChainRejected)) throw err;
      const again = await this.ctx.chain.getTransaction(row.txHash);
      if (again.status === "confirmed" || again.status === "pending") return undefined;
      if (err.reason === "nonce_gap")
        throw new Unavailable(
          `Transfer ${row.txHash} waits for an earlier transaction of ${row.address} to reach the node. Retry with the same Idempotency-Key shortly.`,
        );
      await this.ctx.transfers.forgetRefused(row.txHash);
      const state = await this.ctx.chain.getAccount(row.address);
      if (state.nonce > row.nonce) return new NonceTakenElsewhere();
      const appError = rejectionToAppError(err);
      return appError instanceof Error ? appError : err;
    }
  }

  /**
   * Inside the signing lock: the address's recorded transfers the node does not know (lost with a
   * node restart, or never delivered) are submitted again, in nonce order, before a new tx could
   * take their nonces. When the node cannot be reached for that, nothing new is signed (the error
   * goes to the caller). True when it offered something.
   */
  private async resubmitLost(state: ChainAccount): Promise<boolean> {
    const waiting = await this.ctx.transfers.listUnsettledOf(state.address, state.pendingNonce);
    let next = state.pendingNonce;
    for (const row of waiting) {
      if (row.nonce !== next) break;
      // Dropped (refused for good): its nonce is free for the new tx.
      if (await this.resubmitOrDrop(row)) break;
      next++;
    }
    return waiting.length > 0;
  }
}

function resultOf(row: TransferRow, blockHeight: number | null): TransferResult {
  return {
    txHash: row.txHash,
    from: row.address,
    to: row.to,
    amountMicro: row.amountMicro,
    nonce: row.nonce,
    ...(blockHeight !== null
      ? { status: "confirmed" as const, blockHeight }
      : { status: "pending" as const, blockHeight: null }),
  };
}
