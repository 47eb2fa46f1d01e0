// Takes the slashes of failed checks to the chain, one at a time (the settlement key's nonces are
// sequential). A slash is a row before it is a transaction, so a restart resumes it: a pending row
// is signed and submitted, a submitted one is looked up by its hash and signed again only when the
// node no longer knows it (the chain never pays the same job twice, `job_already_slashed`).
import { ChainRejected, type Logger } from "@aitbc/server-lib";
import { backoffDelay } from "@aitbc/sdk";
import type { AccountStore } from "../accounts/account-store.js";
import type { SlashChainPort } from "./slash-chain-port.js";
import type { SlashRecord, VerificationStore } from "./verification-store.js";

/** The settlement key's nonce went to another transaction: sign again at once. */
const NONCE_REASONS = new Set(["nonce_reused", "nonce_gap"]);
const INCLUSION_WAIT_MS = 10_000;
const BATCH = 20;
const RETRY = { baseMs: 500, maxMs: 60_000 };

export interface SlashWorkerOptions {
  pollIntervalMs: number;
}

export class SlashWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly store: VerificationStore,
    private readonly accounts: AccountStore,
    private readonly chain: SlashChainPort | undefined,
    private readonly logger: Logger,
    private readonly options: SlashWorkerOptions,
  ) {}

  start(): void {
    if (!this.chain) return;
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped || !this.chain) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    const due = await this.store.dueSlashes(new Date().toISOString(), BATCH);
    for (const s of due) {
      if (this.stopped) return;
      try {
        await this.advance(s);
      } catch (err) {
        const attempts = s.attempts + 1;
        this.logger.warn({ err, job_id: s.jobId, attempts }, "bond slash attempt failed; retrying");
        await this.store.updateSlash(s.jobId, {
          attempts,
          lastError: err instanceof Error ? err.message : String(err),
          nextAttemptAt: new Date(Date.now() + backoffDelay(attempts, RETRY)).toISOString(),
          updatedAt: new Date().toISOString(),
        });
      }
    }
  }

  private async advance(s: SlashRecord): Promise<void> {
    const chain = this.chain!;
    const now = () => new Date().toISOString();
    if (s.status === "submitted" && s.txHash) {
      const standing = await chain.standing(s.txHash);
      if (standing.status === "confirmed")
        return this.store.updateSlash(s.jobId, {
          status: "confirmed",
          blockHeight: standing.blockHeight,
          updatedAt: now(),
        });
      if (standing.status === "pending") {
        const height = await chain.included(s.txHash, INCLUSION_WAIT_MS);
        if (height !== null)
          await this.store.updateSlash(s.jobId, {
            status: "confirmed",
            blockHeight: height,
            updatedAt: now(),
          });
        return;
      }
      // Dropped or never seen: sign it again below.
    }
    const provider = await this.accounts.byId(s.providerId);
    const customer = await this.accounts.byId(s.customerId);
    if (!provider || !customer) {
      return this.store.updateSlash(s.jobId, {
        status: "rejected",
        lastError: "the provider or the customer account is gone",
        updatedAt: now(),
      });
    }
    const bond = await chain.bond(provider.address);
    if (bond === 0n)
      return this.store.updateSlash(s.jobId, { status: "unbonded", updatedAt: now() });
    let txHash: string;
    try {
      txHash = await chain.submit({
        provider: provider.address,
        jobId: s.jobId,
        customer: customer.address,
        refundMicro: s.refundMicro,
        penaltyMicro: s.penaltyMicro,
        reason: s.reason,
      });
    } catch (err) {
      if (!(err instanceof ChainRejected)) throw err;
      if (NONCE_REASONS.has(err.reason)) {
        this.again = true;
        return;
      }
      // An earlier attempt of this very slash landed (its row was not updated before a crash).
      if (err.reason === "job_already_slashed")
        return this.store.updateSlash(s.jobId, { status: "confirmed", updatedAt: now() });
      this.logger.error({ job_id: s.jobId, reason: err.reason }, "the node refused a bond slash");
      return this.store.updateSlash(s.jobId, {
        status: "rejected",
        lastError: `${err.reason}: ${err.message}`,
        updatedAt: now(),
      });
    }
    await this.store.updateSlash(s.jobId, {
      status: "submitted",
      txHash,
      attempts: s.attempts + 1,
      updatedAt: now(),
    });
    const height = await chain.included(txHash, INCLUSION_WAIT_MS);
    if (height !== null)
      await this.store.updateSlash(s.jobId, {
        status: "confirmed",
        blockHeight: height,
        updatedAt: now(),
      });
  }
}
