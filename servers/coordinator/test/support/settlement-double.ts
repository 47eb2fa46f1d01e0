// TEST DOUBLE of the settlement port (the wallet + node side of money), for component tests until
// the suites are wired to the real chain. It keeps an in-memory ledger with the chain's rules:
// a lock needs the balance (else 402, nothing moves), a release needs an open escrow and
// paid + refund = locked, and every transaction gets a hash. `outage` makes it fail like a node
// that is down, so the settlement outbox's retries can be tested.
import { randomBytes } from "node:crypto";
import { InsufficientFunds, Unavailable } from "@aitbc/server-lib";
import type {
  LockRequest,
  LockResult,
  ReleaseAttempt,
  ReleaseOrder,
  ReleaseOutcome,
  SettlementPort,
} from "../../src/index.js";

interface Escrow {
  ownerKey: string;
  amount: bigint;
  status: "locked" | "released";
  releaseTx?: string;
}

export class SettlementDouble implements SettlementPort {
  readonly kind = "test-double";
  /** Balances by the customer's API key (the wallet knows accounts by their keys). */
  readonly balances = new Map<string, bigint>();
  /** What providers received, by address. */
  readonly paidTo = new Map<string, bigint>();
  readonly escrows = new Map<string, Escrow>();
  readonly calls = { lock: 0, release: 0, refund: 0 };
  outage = false;
  private height = 0;

  fund(apiKey: string, micro: bigint): void {
    this.balances.set(apiKey, (this.balances.get(apiKey) ?? 0n) + micro);
  }

  balanceOf(apiKey: string): bigint {
    return this.balances.get(apiKey) ?? 0n;
  }

  lockedTotal(): bigint {
    let sum = 0n;
    for (const e of this.escrows.values()) if (e.status === "locked") sum += e.amount;
    return sum;
  }

  async lockEscrow(request: LockRequest, customerApiKey: string): Promise<LockResult> {
    this.calls.lock++;
    if (this.outage) throw new Unavailable("test double: the wallet is down");
    if (this.escrows.has(request.jobId)) throw new Error("escrow_exists");
    const balance = this.balanceOf(customerApiKey);
    if (balance < request.amountMicro)
      throw new InsufficientFunds(
        `The budget is ${request.amountMicro} micro-AITBC but the balance is ${balance}.`,
      );
    this.balances.set(customerApiKey, balance - request.amountMicro);
    this.escrows.set(request.jobId, {
      ownerKey: customerApiKey,
      amount: request.amountMicro,
      status: "locked",
    });
    return { txHash: hash(), blockHeight: ++this.height };
  }

  async release(order: ReleaseOrder, _attempt: ReleaseAttempt): Promise<ReleaseOutcome> {
    this.calls.release++;
    return this.settle(order);
  }

  async refund(order: ReleaseOrder, _attempt: ReleaseAttempt): Promise<ReleaseOutcome> {
    this.calls.refund++;
    return this.settle({ ...order, paidMicro: 0n, refundMicro: order.amountMicro });
  }

  private settle(order: ReleaseOrder): ReleaseOutcome {
    if (this.outage) throw new Unavailable("test double: the node is down");
    const escrow = this.escrows.get(order.jobId);
    if (!escrow) return { status: "nothing_to_release", reason: "escrow_not_found" };
    if (escrow.status === "released")
      return { status: "confirmed", txHash: escrow.releaseTx!, blockHeight: this.height };
    if (order.paidMicro + order.refundMicro !== escrow.amount)
      throw new Error(
        `amount_mismatch: ${order.paidMicro} + ${order.refundMicro} != ${escrow.amount}`,
      );
    if (order.paidMicro > 0n) {
      if (!order.providerAddress) throw new Error("invalid_payload: no provider address");
      this.paidTo.set(
        order.providerAddress,
        (this.paidTo.get(order.providerAddress) ?? 0n) + order.paidMicro,
      );
    }
    this.fund(escrow.ownerKey, order.refundMicro);
    escrow.status = "released";
    escrow.releaseTx = hash();
    return { status: "confirmed", txHash: escrow.releaseTx, blockHeight: ++this.height };
  }
}

function hash(): string {
  return "0x" + randomBytes(32).toString("hex");
}
