// The settlement batches' way to the chain: signs `settlement_batch` transactions with the
// settlement key (the same key the outbox worker signs escrow releases with, so a nonce taken by
// the other is refused by the node and the batch worker signs again) and reads the node, through
// the coordinator's one node chain client (built without retries: the worker has its own, and a
// repeated submit must be its choice).
import { settlementBatchTx, txHash, type SettlementBatchInput, type SignedTx } from "@aitbc/sdk";
import { ChainRejected, type NodeChainClient } from "@aitbc/server-lib";
import type { AnchoredBatch, BatchChainPort, SubmitOutcome } from "./batch-chain-port.js";
import { fromDependency, isNotFound } from "./sdk-errors.js";
import type { SettlementKey } from "./settlement-key.js";

export class ChainBatchPort implements BatchChainPort {
  readonly kind = "chain";

  constructor(
    private readonly chain: NodeChainClient,
    private readonly key: SettlementKey,
  ) {}

  get address(): string {
    return this.key.address;
  }

  async sign(input: SettlementBatchInput): Promise<{ tx: SignedTx; hash: string }> {
    const account = await this.node(() => this.chain.account(this.key.address));
    const tx = settlementBatchTx(
      { chainId: this.key.chainId, nonce: account.pending_nonce, secretKey: this.key.secretKey },
      input,
    );
    return { tx, hash: txHash(tx) };
  }

  async submit(tx: SignedTx): Promise<SubmitOutcome> {
    try {
      await this.chain.submit(tx);
      return { status: "accepted" };
    } catch (err) {
      if (err instanceof ChainRejected) return { status: "refused", reason: err.reason };
      throw fromDependency(err, "The node");
    }
  }

  async anchored(batchId: string): Promise<AnchoredBatch | null> {
    try {
      const s = await this.chain.node.getSettlement({ path: { batch_id: batchId } });
      return {
        txHash: s.tx_hash,
        blockHeight: s.block_height,
        receiptsRoot: s.receipts_root,
        finalized: s.finalized,
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw fromDependency(err, "The node");
    }
  }

  async known(hash: string): Promise<boolean> {
    try {
      const tx = await this.chain.node.getTransaction({ body: { tx_hash: hash } });
      return tx.status === "pending" || tx.status === "confirmed";
    } catch (err) {
      if (isNotFound(err)) return false;
      throw fromDependency(err, "The node");
    }
  }

  async depositAt(owner: string): Promise<bigint> {
    try {
      const d = await this.chain.node.getDeposit({ path: { address: owner } });
      return BigInt(d.amount_micro);
    } catch (err) {
      if (isNotFound(err)) return 0n;
      throw fromDependency(err, "The node");
    }
  }

  private async node<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw fromDependency(err, "The node");
    }
  }
}
