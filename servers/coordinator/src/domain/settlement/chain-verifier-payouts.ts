// Pays verification re-runs from the chain's verification pool: signs a `pool_payout` with the
// settlement key and waits for a block to include it. The settlement key also signs escrow
// releases and settlement batches, so the nonce read here can be taken by one of them before this
// payout lands; the node then refuses the nonce and the payout is signed again with the next one.
// Any other refusal (the pool holds less, the re-run was paid before) is the chain's answer and
// reaches the caller as ChainRejected.
import { poolPayoutTx, txHash } from "@aitbc/sdk";
import {
  ChainRejected,
  GatewayTimeout,
  type InclusionWatcher,
  type NodeChainClient,
} from "@aitbc/server-lib";
import type {
  VerifierPayoutOrder,
  VerifierPayoutResult,
  VerifierPayouts,
} from "../verification/verifier-payouts.js";
import type { SettlementKey } from "./settlement-key.js";

const NONCE_REASONS = new Set(["nonce_reused", "nonce_gap"]);
/** Signing rounds before a payout gives up on a settlement key whose nonces keep being taken. */
const SIGN_ROUNDS = 5;

export interface ChainVerifierPayoutsOptions {
  /** How long to wait for a block to include the payout (default 30 s). */
  inclusionTimeoutMs?: number;
}

export class ChainVerifierPayouts implements VerifierPayouts {
  constructor(
    private readonly chain: NodeChainClient,
    private readonly inclusions: InclusionWatcher,
    private readonly key: SettlementKey,
    private readonly options: ChainVerifierPayoutsOptions = {},
  ) {}

  async payVerifier(order: VerifierPayoutOrder): Promise<VerifierPayoutResult> {
    for (let round = 0; round < SIGN_ROUNDS; round++) {
      const { pending_nonce } = await this.chain.account(this.key.address);
      const tx = poolPayoutTx(
        { chainId: this.key.chainId, nonce: pending_nonce, secretKey: this.key.secretKey },
        {
          jobId: order.jobId,
          provider: order.providerAddress,
          amountMicro: order.amountMicro,
          reason: "verification_rerun",
        },
      );
      const hash = txHash(tx);
      try {
        await this.chain.submit(tx);
      } catch (err) {
        if (err instanceof ChainRejected && NONCE_REASONS.has(err.reason)) continue;
        throw err;
      }
      const inclusion = await this.inclusions.wait(hash, this.options.inclusionTimeoutMs ?? 30_000);
      if (!inclusion.included)
        throw new GatewayTimeout(
          `The pool payout for job ${order.jobId} (${hash}) was not in a block in time.`,
        );
      return { txHash: hash, blockHeight: inclusion.blockHeight };
    }
    throw new ChainRejected(
      "nonce_reused",
      `The settlement key's nonce kept being taken (${SIGN_ROUNDS} tries) while paying job ${order.jobId}.`,
    );
  }
}
