// Pays out a paid order: signs a `mint` to the buyer with the treasury key (the only key the chain
// lets mint). The signed mint is recorded on the order before it is submitted, so however often
// this runs (retries, restarts, several replicas) an order is minted once: later passes only check,
// or resubmit the same bytes.
import { signTx, txHash, type KeyPair } from "@aitbc/sdk";
import { ChainRejected, type Logger } from "@aitbc/server-lib";
import type { OrderStore } from "../orders/order-store.js";
import type { Order } from "../orders/order.js";
import type { ChainClient } from "./chain-client.js";

export class TreasuryMinter {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      chain: ChainClient;
      treasury: KeyPair;
      treasuryAddress: string;
      chainId: () => Promise<string>;
      logger: Logger;
    },
  ) {}

  /** Moves one paid order toward `minted`. */
  async advance(order: Order): Promise<void> {
    const { orders, chain, logger } = this.deps;
    if (!order.mintTxHash || !order.mintTx) {
      const tx = signTx(
        {
          type: "mint",
          chainId: await this.deps.chainId(),
          nonce: await chain.pendingNonce(this.deps.treasuryAddress),
          payload: {
            to: order.buyerAddress,
            amount: order.amountMicro.toString(),
            reference: order.orderId,
          },
        },
        this.deps.treasury.secretKey,
      );
      const hash = txHash(tx);
      if (!(await orders.recordMint(order.orderId, hash, tx))) return;
      await this.submitOrForget(order.orderId, hash, () => chain.submit(tx));
      return;
    }
    const status = await chain.status(order.mintTxHash);
    if (status.status === "confirmed") {
      await orders.markMinted(order.orderId, new Date().toISOString());
      logger.info({ order_id: order.orderId, tx_hash: order.mintTxHash }, "order minted");
      return;
    }
    if (status.status === "unknown" || status.status === "rejected") {
      const tx = order.mintTx;
      await this.submitOrForget(order.orderId, order.mintTxHash, () => chain.submit(tx));
    }
  }

  /** A mint the chain refuses is forgotten, so the next pass signs a fresh one (new nonce). */
  private async submitOrForget(orderId: string, hash: string, submit: () => Promise<void>) {
    try {
      await submit();
    } catch (err) {
      if (!(err instanceof ChainRejected)) throw err;
      const again = await this.deps.chain.status(hash);
      if (again.status === "pending" || again.status === "confirmed") return;
      this.deps.logger.warn(
        { order_id: orderId, reason: err.reason },
        "mint refused; will sign again",
      );
      await this.deps.orders.clearMint(orderId, hash);
    }
  }
}
