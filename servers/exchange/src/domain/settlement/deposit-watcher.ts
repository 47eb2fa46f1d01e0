// The loop that turns Bitcoin payments into AITBC: for every open order it reads the deposit
// address, marks the order paid once enough is confirmed (or expired when time ran out without
// full payment), then has the treasury mint for paid orders.
import type { Logger } from "@aitbc/server-lib";
import type { OrderStore } from "../orders/order-store.js";
import { confirmationsOf, type BitcoinNetwork } from "../bitcoin/bitcoin-network.js";
import type { Order } from "../orders/order.js";
import type { TreasuryMinter } from "./treasury-minter.js";

export class DepositWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      orders: OrderStore;
      bitcoin: BitcoinNetwork;
      minter: TreasuryMinter;
      requiredConfirmations: number;
      logger: Logger;
    },
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the open orders. Passes never overlap. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { orders, logger } = this.deps;
    try {
      const open = await orders.withStatus(["awaiting_payment"]);
      if (open.length) {
        const tip = await this.deps.bitcoin.tipHeight();
        for (const order of open) await this.isolated(order, () => this.observe(order, tip));
      }
      for (const order of await orders.withStatus(["paid"]))
        await this.isolated(order, () => this.deps.minter.advance(order));
    } catch (err) {
      logger.warn({ err }, "deposit watcher pass failed; retrying on the next tick");
    }
  }

  private async isolated(order: Order, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.deps.logger.warn({ err, order_id: order.orderId }, "order not advanced this pass");
    }
  }

  private async observe(order: Order, tip: number): Promise<void> {
    const payments = await this.deps.bitcoin.paymentsTo(order.depositAddress);
    const received = payments.reduce((s, p) => s + p.sats, 0n);
    const deepEnough = payments.filter(
      (p) => confirmationsOf(p, tip) >= this.deps.requiredConfirmations,
    );
    const confirmedSats = deepEnough.reduce((s, p) => s + p.sats, 0n);
    const confirmations = payments.length
      ? Math.min(...payments.map((p) => confirmationsOf(p, tip)))
      : 0;
    const now = new Date();
    let status = order.status;
    let paidAt = order.paidAt;
    if (confirmedSats >= order.amountSats) {
      status = "paid";
      paidAt = now.toISOString();
    } else if (received < order.amountSats && now.getTime() > Date.parse(order.expiresAt)) {
      // A full payment seen before the deadline still gets its confirmations; a short one expires.
      status = "expired";
    }
    const txids = payments.map((p) => p.txid);
    const changed =
      status !== order.status ||
      received !== order.receivedSats ||
      confirmations !== order.confirmations ||
      txids.join() !== order.btcTxids.join();
    if (!changed) return;
    await this.deps.orders.updatePayment(order.orderId, "awaiting_payment", {
      status,
      receivedSats: received,
      confirmations,
      btcTxids: txids,
      paidAt,
    });
    if (status !== order.status)
      this.deps.logger.info({ order_id: order.orderId, status }, "order status changed");
  }
}
