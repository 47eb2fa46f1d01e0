// TEST DOUBLE of the coordinator's settlement port for the miner benchmark: an in-memory ledger
// (lock needs the balance; one release per escrow; paid + refund = locked). The benchmark measures
// the miner path, not the chain, so money stays in memory.
import { randomBytes } from "node:crypto";

export class BenchLedger {
  kind = "test-double";
  balances = new Map();
  escrows = new Map();

  fund(apiKey, micro) {
    this.balances.set(apiKey, (this.balances.get(apiKey) ?? 0n) + micro);
  }

  async lockEscrow(request, customerApiKey) {
    const balance = this.balances.get(customerApiKey) ?? 0n;
    if (balance < request.amountMicro) throw new Error("insufficient funds in the bench ledger");
    this.balances.set(customerApiKey, balance - request.amountMicro);
    this.escrows.set(request.jobId, { owner: customerApiKey, amount: request.amountMicro });
    return { txHash: hash(), blockHeight: 1 };
  }

  async release(order) {
    const escrow = this.escrows.get(order.jobId);
    if (!escrow) return { status: "nothing_to_release", reason: "escrow_not_found" };
    if (!escrow.tx) {
      if (order.paidMicro + order.refundMicro !== escrow.amount)
        throw new Error("paid + refund != locked");
      this.fund(escrow.owner, order.refundMicro);
      escrow.tx = hash();
    }
    return { status: "confirmed", txHash: escrow.tx, blockHeight: 1 };
  }

  async refund(order) {
    return this.release({ ...order, paidMicro: 0n, refundMicro: order.amountMicro });
  }
}

function hash() {
  return "0x" + randomBytes(32).toString("hex");
}
