// The real settlement: escrow locks through the wallet daemon (signed with the customer's own key,
// answered after inclusion), releases and refunds signed here with the settlement key and submitted
// to the node through the coordinator's one node chain client. A release counts as done only once its block is final (more than 2/3 of the
// validators built on it, docs/chain.md): before that a reorg could still take it back, so it is
// waited for like a pending one. Every step is safe to repeat: the escrow's on-chain state is checked first, and a
// transaction signed by an earlier attempt is looked up and resubmitted before a new one is signed.
import {
  createAitbcClient,
  fromMicro,
  escrowReleaseTx,
  sleep,
  txHash,
  type AitbcClient,
  type SignedTx,
} from "@aitbc/sdk";
import {
  ChainRejected,
  InsufficientFunds,
  type Logger,
  type NodeChainClient,
} from "@aitbc/server-lib";
import type {
  LockRequest,
  LockResult,
  ReleaseAttempt,
  ReleaseOrder,
  ReleaseOutcome,
  SettlementPort,
} from "./settlement-port.js";
import { fromDependency, isNotFound } from "./sdk-errors.js";
import type { SettlementKey } from "./settlement-key.js";

export interface ChainSettlementOptions {
  walletUrl: string;
  /** The coordinator's one node chain client. */
  chain: NodeChainClient;
  key: SettlementKey;
  logger: Logger;
  /** How long to wait for a submitted release to become final before the attempt gives up. */
  confirmTimeoutMs?: number;
  pollIntervalMs?: number;
}

export class ChainSettlement implements SettlementPort {
  readonly kind = "chain";
  /** The wallet daemon, for escrow locks signed with the customer's own key. */
  private readonly walletClient: AitbcClient;
  private readonly nodeApi: AitbcClient["node"];
  readonly address: string;

  constructor(private readonly options: ChainSettlementOptions) {
    this.walletClient = createAitbcClient({ walletUrl: options.walletUrl });
    this.nodeApi = options.chain.node;
    this.address = options.key.address;
  }

  async lockEscrow(request: LockRequest, customerApiKey: string): Promise<LockResult> {
    try {
      const lock = await this.walletClient.withApiKey(customerApiKey).wallet.lockEscrow({
        body: { job_id: request.jobId, amount: fromMicro(request.amountMicro) },
      });
      return { txHash: lock.tx_hash, blockHeight: lock.block_height };
    } catch (err) {
      const mapped = fromDependency(err, "The wallet daemon");
      if (mapped.status === 402) throw new InsufficientFunds(mapped.detail);
      throw mapped;
    }
  }

  refund(order: ReleaseOrder, attempt: ReleaseAttempt): Promise<ReleaseOutcome> {
    return this.release(
      { ...order, paidMicro: 0n, refundMicro: order.amountMicro, poolFeeMicro: 0n },
      attempt,
    );
  }

  async release(order: ReleaseOrder, attempt: ReleaseAttempt): Promise<ReleaseOutcome> {
    const done = await this.escrowOutcome(order.jobId);
    if (done) return done;
    if (attempt.previous) {
      const previousHash = txHash(attempt.previous);
      const status = await this.txStatus(previousHash);
      if (status === "confirmed") return this.confirmed(order.jobId, previousHash);
      if (status === "pending") return this.awaitConfirmation(order.jobId, previousHash);
      // Unknown or dropped: sign a new one below (with the current nonce).
    }
    const key = this.options.key;
    const account = await this.node(() =>
      this.nodeApi.getAccount({ path: { address: key.address } }),
    );
    const tx = escrowReleaseTx(
      { chainId: key.chainId, nonce: account.pending_nonce, secretKey: key.secretKey },
      {
        jobId: order.jobId,
        paidMicro: order.paidMicro,
        refundMicro: order.refundMicro,
        ...(order.providerAddress ? { provider: order.providerAddress } : {}),
        ...(order.receiptHash ? { receiptHash: order.receiptHash } : {}),
        poolFeeMicro: order.poolFeeMicro,
      },
    );
    const hash = txHash(tx);
    await attempt.remember(tx, hash);
    try {
      await this.options.chain.submit(tx);
    } catch (err) {
      const reason = err instanceof ChainRejected ? err.reason : undefined;
      if (reason === "escrow_released") {
        const outcome = await this.escrowOutcome(order.jobId);
        return outcome ?? { status: "nothing_to_release", reason: "escrow_released" };
      }
      if (reason === "escrow_not_found") return { status: "nothing_to_release", reason };
      throw reason
        ? new Error(`the node rejected the escrow release: ${reason}`)
        : fromDependency(err, "The node");
    }
    return this.awaitConfirmation(order.jobId, hash);
  }

  /** The release already on chain, if any (waiting until it is final). */
  private async escrowOutcome(jobId: string): Promise<ReleaseOutcome | undefined> {
    let escrow: Awaited<ReturnType<AitbcClient["node"]["getEscrow"]>>;
    try {
      escrow = await this.nodeApi.getEscrow({ path: { job_id: jobId } });
    } catch (err) {
      if (isNotFound(err)) return { status: "nothing_to_release", reason: "escrow_not_found" };
      throw fromDependency(err, "The node");
    }
    if (escrow.status === "locked") return undefined;
    if (!escrow.release_tx_hash) return { status: "nothing_to_release", reason: "escrow_released" };
    if ((await this.txStatus(escrow.release_tx_hash)) !== "confirmed")
      return this.awaitConfirmation(jobId, escrow.release_tx_hash);
    return {
      status: "confirmed",
      txHash: escrow.release_tx_hash,
      blockHeight: escrow.release_height ?? 0,
    };
  }

  /** "confirmed" means in a final block; one in a block that is not final yet is "pending". */
  private async txStatus(hash: string): Promise<"confirmed" | "pending" | "gone"> {
    try {
      const tx = await this.nodeApi.getTransaction({ body: { tx_hash: hash } });
      if (tx.status === "confirmed") return tx.finalized ? "confirmed" : "pending";
      return tx.status === "pending" ? "pending" : "gone";
    } catch (err) {
      if (isNotFound(err)) return "gone";
      throw fromDependency(err, "The node");
    }
  }

  private async confirmed(jobId: string, hash: string): Promise<ReleaseOutcome> {
    const tx = await this.nodeApi.getTransaction({ body: { tx_hash: hash } });
    return { status: "confirmed", txHash: hash, blockHeight: tx.block_height ?? 0 };
  }

  private async awaitConfirmation(jobId: string, hash: string): Promise<ReleaseOutcome> {
    const deadline = Date.now() + (this.options.confirmTimeoutMs ?? 30_000);
    const interval = this.options.pollIntervalMs ?? 250;
    for (;;) {
      const status = await this.txStatus(hash);
      if (status === "confirmed") return this.confirmed(jobId, hash);
      if (status === "gone") throw new Error(`escrow release ${hash} was dropped by the node`);
      if (Date.now() > deadline) throw new Error(`escrow release ${hash} not final in time`);
      await sleep(interval);
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

export type { SignedTx };
