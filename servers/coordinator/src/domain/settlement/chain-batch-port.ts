// The settlement batches' way to the chain: signs `settlement_batch` transactions with the
// settlement key (the same key the outbox worker signs escrow releases with, so a nonce taken by
// the other is refused by the node and the batch worker signs again) and reads the node.
import {
  addressFromPublicKey,
  createAitbcClient,
  importSecretKey,
  settlementBatchTx,
  txHash,
  type AitbcClient,
  type SettlementBatchInput,
  type SignedTx,
} from "@aitbc/sdk";
import type { AnchoredBatch, BatchChainPort, SubmitOutcome } from "./batch-chain-port.js";
import { fromDependency, isNotFound, txRejectReason } from "./sdk-errors.js";

export interface ChainBatchPortOptions {
  nodeUrl: string;
  /** base64url ed25519 secret key whose public key is `settlement_key` in the genesis. */
  settlementSecretKey: string;
  chainId: string;
}

export class ChainBatchPort implements BatchChainPort {
  readonly kind = "chain";
  private readonly client: AitbcClient;
  private readonly secretKey: Uint8Array;
  readonly address: string;

  constructor(private readonly options: ChainBatchPortOptions) {
    // No retries inside the client: the worker has its own, and a repeated submit must be its choice.
    this.client = createAitbcClient({ nodeUrl: options.nodeUrl, http: { retries: 0 } });
    const pair = importSecretKey(options.settlementSecretKey);
    this.secretKey = pair.secretKey;
    this.address = addressFromPublicKey(pair.publicKey);
  }

  async sign(input: SettlementBatchInput): Promise<{ tx: SignedTx; hash: string }> {
    const account = await this.node(() =>
      this.client.node.getAccount({ path: { address: this.address } }),
    );
    const tx = settlementBatchTx(
      { chainId: this.options.chainId, nonce: account.pending_nonce, secretKey: this.secretKey },
      input,
    );
    return { tx, hash: txHash(tx) };
  }

  async submit(tx: SignedTx): Promise<SubmitOutcome> {
    try {
      await this.client.node.submitTransaction({ body: tx as never });
      return { status: "accepted" };
    } catch (err) {
      const reason = txRejectReason(err);
      if (reason) return { status: "refused", reason };
      throw fromDependency(err, "The node");
    }
  }

  async anchored(batchId: string): Promise<AnchoredBatch | null> {
    try {
      const s = await this.client.node.getSettlement({ path: { batch_id: batchId } });
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
      const tx = await this.client.node.getTransaction({ body: { tx_hash: hash } });
      return tx.status === "pending" || tx.status === "confirmed";
    } catch (err) {
      if (isNotFound(err)) return false;
      throw fromDependency(err, "The node");
    }
  }

  async depositAt(owner: string): Promise<bigint> {
    try {
      const d = await this.client.node.getDeposit({ path: { address: owner } });
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
