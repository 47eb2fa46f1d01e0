// TEST DOUBLE of the coordinator's settlement port (the wallet and chain side of money), so the
// miner's tests run against the real coordinator without a chain. It keeps an in-memory ledger
// with the chain's rules: a lock needs the balance, a release needs an open escrow and
// paid + refund = locked, and each escrow is released once. `payments` records every release so
// tests can check that a job was paid exactly once.
import { randomBytes } from "node:crypto";
import type {
  LockRequest,
  LockResult,
  ReleaseOrder,
  ReleaseOutcome,
  SettlementPort,
} from "@aitbc/coordinator";

interface Escrow {
  ownerKey: string;
  amount: bigint;
  releaseTx?: string;
}

export class LedgerSettlement implements SettlementPort {
  readonly kind = "test-double";
  readonly balances = new Map<string, bigint>();
  readonly escrows = new Map<string, Escrow>();
  /** One entry per escrow actually released: who got what for which job. */
  readonly payments: Array<{ jobId: string; paid: bigint; refund: bigint; to: string | null }> = [];
  private height = 0;

  fund(apiKey: string, micro: bigint): void {
    this.balances.set(apiKey, (this.balances.get(apiKey) ?? 0n) + micro);
  }

  balanceOf(apiKey: string): bigint {
    return this.balances.get(apiKey) ?? 0n;
  }

  async lockEscrow(request: LockRequest, customerApiKey: string): Promise<LockResult> {
    const balance = this.balanceOf(customerApiKey);
    if (balance < request.amountMicro) throw new Error("insufficient funds in the test ledger");
    this.balances.set(customerApiKey, balance - request.amountMicro);
    this.escrows.set(request.jobId, { ownerKey: customerApiKey, amount: request.amountMicro });
    return { txHash: txHash(), blockHeight: ++this.height };
  }

  async release(order: ReleaseOrder): Promise<ReleaseOutcome> {
    return this.settle(order);
  }

  async refund(order: ReleaseOrder): Promise<ReleaseOutcome> {
    return this.settle({ ...order, paidMicro: 0n, refundMicro: order.amountMicro });
  }

  private settle(order: ReleaseOrder): ReleaseOutcome {
    const escrow = this.escrows.get(order.jobId);
    if (!escrow) return { status: "nothing_to_release", reason: "escrow_not_found" };
    if (escrow.releaseTx) {
      return { status: "confirmed", txHash: escrow.releaseTx, blockHeight: this.height };
    }
    if (order.paidMicro + order.refundMicro !== escrow.amount) {
      throw new Error(`paid + refund != locked for ${order.jobId}`);
    }
    this.fund(escrow.ownerKey, order.refundMicro);
    escrow.releaseTx = txHash();
    this.payments.push({
      jobId: order.jobId,
      paid: order.paidMicro,
      refund: order.refundMicro,
      to: order.providerAddress,
    });
    return { status: "confirmed", txHash: escrow.releaseTx, blockHeight: ++this.height };
  }
}

function txHash(): string {
  return "0x" + randomBytes(32).toString("hex");
}
