// The verification_checks and verification_slashes tables.
import type { Knex } from "@aitbc/server-lib";
import type {
  CheckKind,
  CheckPatch,
  CheckRecord,
  SlashPatch,
  SlashRecord,
  VerificationCounts,
  VerificationStore,
} from "../domain/verification/verification-store.js";
import type { Tx } from "../domain/store/transactions.js";
import { bigOrNull, big, firstRow } from "./db-kind.js";
import { knexOf } from "./knex-transactions.js";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const microOrNull = (v: bigint | null | undefined) =>
  v === null || v === undefined ? null : v.toString();

function checkFromRow(r: Record<string, unknown>): CheckRecord {
  return {
    checkId: String(r.check_id),
    jobId: String(r.job_id),
    kind: r.kind as CheckKind,
    tenantId: String(r.tenant_id),
    customerId: String(r.customer_id),
    providerId: String(r.provider_id),
    reason: str(r.reason),
    status: r.status as CheckRecord["status"],
    verdict: str(r.verdict),
    rerunJobId: str(r.rerun_job_id),
    verifierProviderId: str(r.verifier_provider_id),
    verifierPayoutMicro: bigOrNull(r.verifier_payout_micro),
    verifierPayoutStatus: str(r.verifier_payout_status) as CheckRecord["verifierPayoutStatus"],
    verifierPayoutTx: str(r.verifier_payout_tx),
    refundMicro: bigOrNull(r.refund_micro),
    feeMicro: bigOrNull(r.fee_micro),
    nextAttemptAt: String(r.next_attempt_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    resolvedAt: str(r.resolved_at),
  };
}

function checkColumns(p: CheckPatch): Record<string, unknown> {
  const out: Record<string, unknown> = { updated_at: p.updatedAt };
  if (p.status !== undefined) out.status = p.status;
  if (p.verdict !== undefined) out.verdict = p.verdict;
  if (p.rerunJobId !== undefined) out.rerun_job_id = p.rerunJobId;
  if (p.verifierProviderId !== undefined) out.verifier_provider_id = p.verifierProviderId;
  if (p.verifierPayoutMicro !== undefined)
    out.verifier_payout_micro = microOrNull(p.verifierPayoutMicro);
  if (p.verifierPayoutStatus !== undefined) out.verifier_payout_status = p.verifierPayoutStatus;
  if (p.verifierPayoutTx !== undefined) out.verifier_payout_tx = p.verifierPayoutTx;
  if (p.refundMicro !== undefined) out.refund_micro = microOrNull(p.refundMicro);
  if (p.feeMicro !== undefined) out.fee_micro = microOrNull(p.feeMicro);
  if (p.nextAttemptAt !== undefined) out.next_attempt_at = p.nextAttemptAt;
  if (p.resolvedAt !== undefined) out.resolved_at = p.resolvedAt;
  return out;
}

function slashFromRow(r: Record<string, unknown>): SlashRecord {
  return {
    jobId: String(r.job_id),
    checkId: String(r.check_id),
    reason: r.reason as SlashRecord["reason"],
    providerId: String(r.provider_id),
    customerId: String(r.customer_id),
    refundMicro: big(r.refund_micro),
    penaltyMicro: big(r.penalty_micro),
    status: r.status as SlashRecord["status"],
    txHash: str(r.tx_hash),
    blockHeight:
      r.block_height === null || r.block_height === undefined ? null : Number(r.block_height),
    attempts: Number(r.attempts),
    lastError: str(r.last_error),
    nextAttemptAt: String(r.next_attempt_at),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export class VerificationRepo implements VerificationStore {
  constructor(private readonly db: Knex) {}

  async insertCheck(tx: Tx | undefined, c: CheckRecord): Promise<boolean> {
    const q = knexOf(tx, this.db);
    // The unique (job_id, kind) index refuses a concurrent second insert; this skips the usual one.
    if (await firstRow(q("verification_checks").where({ job_id: c.jobId, kind: c.kind })))
      return false;
    await q("verification_checks").insert({
      check_id: c.checkId,
      job_id: c.jobId,
      kind: c.kind,
      tenant_id: c.tenantId,
      customer_id: c.customerId,
      provider_id: c.providerId,
      reason: c.reason,
      status: c.status,
      verdict: c.verdict,
      rerun_job_id: c.rerunJobId,
      verifier_provider_id: c.verifierProviderId,
      verifier_payout_micro: microOrNull(c.verifierPayoutMicro),
      verifier_payout_status: c.verifierPayoutStatus,
      verifier_payout_tx: c.verifierPayoutTx,
      refund_micro: microOrNull(c.refundMicro),
      fee_micro: microOrNull(c.feeMicro),
      next_attempt_at: c.nextAttemptAt,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      resolved_at: c.resolvedAt,
    });
    return true;
  }

  async checkById(checkId: string, tx?: Tx): Promise<CheckRecord | undefined> {
    const r = await firstRow(
      knexOf(tx, this.db)("verification_checks").where({ check_id: checkId }),
    );
    return r ? checkFromRow(r) : undefined;
  }

  async checkOf(jobId: string, kind: CheckKind): Promise<CheckRecord | undefined> {
    const r = await firstRow(this.db("verification_checks").where({ job_id: jobId, kind }));
    return r ? checkFromRow(r) : undefined;
  }

  async updateCheck(tx: Tx | undefined, checkId: string, patch: CheckPatch): Promise<void> {
    await knexOf(
      tx,
      this.db,
    )("verification_checks")
      .where({ check_id: checkId })
      .update(checkColumns(patch));
  }

  async dueChecks(now: string, limit: number): Promise<CheckRecord[]> {
    const rows = await this.db("verification_checks")
      .whereIn("status", ["open", "rerunning"])
      .where("next_attempt_at", "<=", now)
      .orderBy([
        { column: "next_attempt_at", order: "asc" },
        { column: "check_id", order: "asc" },
      ])
      .limit(limit);
    return (rows as Array<Record<string, unknown>>).map(checkFromRow);
  }

  async unpaidVerifiers(limit: number): Promise<CheckRecord[]> {
    const rows = await this.db("verification_checks")
      .whereIn("status", ["passed", "failed", "unverifiable"])
      .where({ verifier_payout_status: "pending" })
      .orderBy("updated_at")
      .limit(limit);
    return (rows as Array<Record<string, unknown>>).map(checkFromRow);
  }

  async counts(providerIds: readonly string[]): Promise<Map<string, VerificationCounts>> {
    const out = new Map<string, VerificationCounts>();
    if (providerIds.length === 0) return out;
    const rows = (await this.db("verification_checks")
      .whereIn("provider_id", [...new Set(providerIds)])
      .whereIn("status", ["passed", "failed"])
      .select("provider_id", "status")
      .count({ n: "*" })
      .groupBy("provider_id", "status")) as Array<{
      provider_id: string;
      status: string;
      n: unknown;
    }>;
    for (const r of rows) {
      const c = out.get(r.provider_id) ?? { checked: 0, passed: 0, failed: 0 };
      if (r.status === "passed") c.passed += Number(r.n);
      else c.failed += Number(r.n);
      c.checked = c.passed + c.failed;
      out.set(r.provider_id, c);
    }
    return out;
  }

  async insertSlash(tx: Tx | undefined, s: SlashRecord): Promise<boolean> {
    const q = knexOf(tx, this.db);
    if (await firstRow(q("verification_slashes").where({ job_id: s.jobId }))) return false;
    await q("verification_slashes").insert({
      job_id: s.jobId,
      check_id: s.checkId,
      reason: s.reason,
      provider_id: s.providerId,
      customer_id: s.customerId,
      refund_micro: s.refundMicro.toString(),
      penalty_micro: s.penaltyMicro.toString(),
      status: s.status,
      tx_hash: s.txHash,
      block_height: s.blockHeight,
      attempts: s.attempts,
      last_error: s.lastError,
      next_attempt_at: s.nextAttemptAt,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    });
    return true;
  }

  async slashOf(jobId: string): Promise<SlashRecord | undefined> {
    const r = await firstRow(this.db("verification_slashes").where({ job_id: jobId }));
    return r ? slashFromRow(r) : undefined;
  }

  async updateSlash(jobId: string, p: SlashPatch): Promise<void> {
    const out: Record<string, unknown> = { updated_at: p.updatedAt };
    if (p.status !== undefined) out.status = p.status;
    if (p.txHash !== undefined) out.tx_hash = p.txHash;
    if (p.blockHeight !== undefined) out.block_height = p.blockHeight;
    if (p.attempts !== undefined) out.attempts = p.attempts;
    if (p.lastError !== undefined) out.last_error = p.lastError;
    if (p.nextAttemptAt !== undefined) out.next_attempt_at = p.nextAttemptAt;
    await this.db("verification_slashes").where({ job_id: jobId }).update(out);
  }

  async dueSlashes(now: string, limit: number): Promise<SlashRecord[]> {
    const rows = await this.db("verification_slashes")
      .whereIn("status", ["pending", "submitted"])
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit);
    return (rows as Array<Record<string, unknown>>).map(slashFromRow);
  }
}
