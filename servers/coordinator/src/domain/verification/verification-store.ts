// Checks of completed jobs by re-execution (spot checks and disputes) and the bond slashes a
// failed check ends in, as the use cases see them, and what they need from storage
// (data/verification-repo.ts).
import type { Tx } from "../store/transactions.js";

export type CheckKind = "spot_check" | "dispute";

/**
 * open       waiting for a re-run to be placed
 * rerunning  a re-run job is queued or running on another provider's miner
 * passed     the runs agree (a dispute is rejected)
 * failed     the runs disagree (a dispute is upheld; the provider's bond is slashed)
 * unverifiable  no other provider's miner serves the model digest, the re-run did not complete,
 *            or the runs cannot be compared: neither side is blamed
 */
export type CheckStatus = "open" | "rerunning" | "passed" | "failed" | "unverifiable";

export const DECIDED: readonly CheckStatus[] = ["passed", "failed", "unverifiable"];

/** Pending until the verification pool paid the re-run's provider (or no payer is wired). */
export type PayoutStatus = "pending" | "paid";

export interface CheckRecord {
  checkId: string;
  jobId: string;
  kind: CheckKind;
  tenantId: string;
  customerId: string;
  providerId: string;
  /** The customer's reason (disputes). */
  reason: string | null;
  status: CheckStatus;
  verdict: string | null;
  rerunJobId: string | null;
  verifierProviderId: string | null;
  verifierPayoutMicro: bigint | null;
  verifierPayoutStatus: PayoutStatus | null;
  verifierPayoutTx: string | null;
  /** Upheld disputes and failed spot checks: what the customer is paid back. */
  refundMicro: bigint | null;
  /** Rejected disputes: the fee recorded as owed by the customer. */
  feeMicro: bigint | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export type CheckPatch = Partial<
  Pick<
    CheckRecord,
    | "status"
    | "verdict"
    | "rerunJobId"
    | "verifierProviderId"
    | "verifierPayoutMicro"
    | "verifierPayoutStatus"
    | "verifierPayoutTx"
    | "refundMicro"
    | "feeMicro"
    | "nextAttemptAt"
    | "resolvedAt"
  >
> & { updatedAt: string };

/**
 * pending    to be signed and submitted
 * submitted  sent to the node; waiting for a block (tx_hash set)
 * confirmed  in a block (block_height set)
 * unbonded   the provider has no bond: nothing to take, the failure still counts
 * rejected   the node refused it for good (for example a bond smaller than refund + penalty)
 */
export type SlashStatus = "pending" | "submitted" | "confirmed" | "unbonded" | "rejected";

export interface SlashRecord {
  jobId: string;
  checkId: string;
  reason: "spot_check_failed" | "dispute_upheld";
  providerId: string;
  customerId: string;
  refundMicro: bigint;
  penaltyMicro: bigint;
  status: SlashStatus;
  txHash: string | null;
  blockHeight: number | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  updatedAt: string;
}

export type SlashPatch = Partial<
  Pick<
    SlashRecord,
    "status" | "txHash" | "blockHeight" | "attempts" | "lastError" | "nextAttemptAt"
  >
> & { updatedAt: string };

export interface VerificationCounts {
  checked: number;
  passed: number;
  failed: number;
}

export interface VerificationStore {
  /** Inserts the check unless the job already has one of its kind; whether it did. */
  insertCheck(tx: Tx | undefined, c: CheckRecord): Promise<boolean>;
  checkById(checkId: string, tx?: Tx): Promise<CheckRecord | undefined>;
  checkOf(jobId: string, kind: CheckKind): Promise<CheckRecord | undefined>;
  updateCheck(tx: Tx | undefined, checkId: string, patch: CheckPatch): Promise<void>;
  /** Undecided checks due by `now`, oldest first. */
  dueChecks(now: string, limit: number): Promise<CheckRecord[]>;
  /** Decided checks whose re-run's provider is still owed its pay. */
  unpaidVerifiers(limit: number): Promise<CheckRecord[]>;
  /** Passed and failed checks of each provider's jobs. */
  counts(providerIds: readonly string[]): Promise<Map<string, VerificationCounts>>;

  /** Inserts the slash unless the job already has one; whether it did. */
  insertSlash(tx: Tx | undefined, s: SlashRecord): Promise<boolean>;
  slashOf(jobId: string): Promise<SlashRecord | undefined>;
  updateSlash(jobId: string, patch: SlashPatch): Promise<void>;
  /** Slashes to submit or to confirm, due by `now`. */
  dueSlashes(now: string, limit: number): Promise<SlashRecord[]>;
}
