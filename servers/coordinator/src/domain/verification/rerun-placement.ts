// Where a re-run goes: an online miner of ANOTHER provider that serves the same model at the same
// digest (the digest the original receipt records), with an active service to bill it under. The
// re-run is a job like any other, pinned to that miner, with the original's prompt, parameters,
// seed and temperature; its pay comes from the verification pool, so it has no customer budget.
import { randomBytes } from "node:crypto";
import type { Receipt } from "@aitbc/sdk";
import type { MinerRecord, MinerStore } from "../miners/miner-store.js";
import type { MinerPresence } from "../miners/presence.js";
import type { ServiceStore } from "../services/service-store.js";
import { isInference, type JobRecord } from "../jobs/job-types.js";
import { DEFAULT_TTL_S } from "../jobs/job-service.js";
import type { VerificationCounts } from "./verification-store.js";

/** The customer id re-runs are placed under: no account, so no customer can read or review them. */
export const VERIFICATION_CUSTOMER = "aitbc-verification";

const MAX_MINERS = 1000;

export type Placement = { rerun: JobRecord } | { unverifiable: string };

export async function placeRerun(
  deps: {
    miners: MinerStore;
    services: ServiceStore;
    presence: MinerPresence;
    checks: { counts(providerIds: readonly string[]): Promise<Map<string, VerificationCounts>> };
  },
  original: JobRecord,
  receipt: Receipt | undefined,
  originalMiner: MinerRecord | undefined,
  now: Date,
): Promise<Placement> {
  const req = original.requirements;
  if (!isInference(req) || !original.model)
    return { unverifiable: "only inference jobs can be re-run" };
  const digest =
    receipt?.model_digest ??
    originalMiner?.capabilities.models.find((m) => m.name === original.model)?.digest;
  if (!digest) return { unverifiable: "the original run names no model digest" };
  const online = await deps.miners.list(
    { status: "online", onlineSince: deps.presence.onlineSince(now) },
    MAX_MINERS,
  );
  const eligible = online.filter(
    (m) =>
      m.providerId !== original.providerId &&
      m.capabilities.task_types.includes("inference") &&
      m.capabilities.models.some((x) => x.name === original.model && x.digest === digest),
  );
  // A verifier that cheats would fail honest work: prefer providers whose own work failed no check,
  // and spread the rest at random so that no provider is the fixed judge of another.
  const failed = await deps.checks.counts(eligible.map((m) => m.providerId));
  const ranked = eligible
    .map((m) => ({ m, failed: failed.get(m.providerId)?.failed ?? 0, draw: Math.random() }))
    .sort((a, b) => a.failed - b.failed || a.draw - b.draw)
    .map((x) => x.m);
  for (const miner of ranked) {
    const [service] = await deps.services.find(
      { providerId: miner.providerId, status: "active" },
      1,
    );
    if (!service) continue;
    const at = now.toISOString();
    return {
      rerun: {
        jobId: randomBytes(16).toString("hex"),
        tenantId: original.tenantId,
        customerId: VERIFICATION_CUSTOMER,
        serviceId: service.serviceId,
        providerId: miner.providerId,
        status: "queued",
        taskType: original.taskType,
        model: original.model,
        requirements: req,
        budgetMicro: original.budgetMicro,
        unitPriceMicro: service.rateMicro,
        unitType: service.unitType,
        inputPriceMicro: service.inputPriceMicro,
        ttlSeconds: DEFAULT_TTL_S,
        attempts: 0,
        minerId: null,
        leaseId: null,
        leaseExpiresAt: null,
        createdAt: at,
        updatedAt: at,
        assignedAt: null,
        startedAt: null,
        finishedAt: null,
        expiresAt: new Date(now.getTime() + DEFAULT_TTL_S * 1000).toISOString(),
        notes: [`Re-run of job ${original.jobId} to check its result.`],
        failureCode: null,
        failureMessage: null,
        output: null,
        metering: null,
        durationMs: null,
        paidMicro: null,
        refundMicro: null,
        paymentStatus: "locked",
        funding: "verification",
        batchId: null,
        lockTxHash: null,
        settleTxHash: null,
        receiptHash: null,
        lastSeq: 1,
        pinnedMinerId: miner.minerId,
        verifiesJobId: original.jobId,
      },
    };
  }
  return {
    unverifiable: `no online miner of another provider serves ${original.model} at ${digest}`,
  };
}
