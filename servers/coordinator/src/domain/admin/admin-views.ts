// Operator views: miners (online or not, models, in-flight jobs), and marketplace statistics.
import { fromMicro, type CoordinatorTypes } from "@aitbc/sdk";
import type { AccountStore } from "../accounts/account-store.js";
import type { MinerStore } from "../miners/miner-store.js";
import type { JobLeaseStore } from "../jobs/job-store.js";
import type { ServiceStore } from "../services/service-store.js";
import { decodeCursor, encodeCursor } from "../cursor.js";
import { adminScope, requireRole, type Caller } from "../accounts/caller.js";
import type { JobAdminQueries } from "./admin-queries.js";
import type { MinerPresence } from "../miners/presence.js";

export interface AdminDeps {
  accounts: AccountStore;
  miners: MinerStore;
  jobs: JobLeaseStore;
  jobStats: JobAdminQueries;
  services: ServiceStore;
  presence: MinerPresence;
}

export async function listAdminMiners(
  deps: AdminDeps,
  caller: Caller,
  q: { status?: "online" | "offline"; provider_id?: string; limit: number; cursor?: string },
): Promise<CoordinatorTypes.AdminMinerList> {
  requireRole(caller, "admin");
  const tenant = adminScope(caller);
  let providerIds = tenant ? await deps.accounts.idsOfTenant(tenant, "provider") : undefined;
  if (q.provider_id)
    providerIds = providerIds ? providerIds.filter((p) => p === q.provider_id) : [q.provider_id];
  const after = decodeCursor(q.cursor, ["m"] as const)?.m;
  const now = new Date();
  const onlineSince = deps.presence.onlineSince(now);
  const rows = await deps.miners.list(
    {
      ...(providerIds ? { providerIds } : {}),
      onlineSince,
      ...(q.status ? { status: q.status } : {}),
      ...(after ? { afterMinerId: after } : {}),
    },
    q.limit + 1,
  );
  const page = rows.slice(0, q.limit);
  const held = await deps.jobs.heldBy(page.map((m) => m.minerId));
  const last = page[page.length - 1];
  return {
    miners: page.map((m) => ({
      miner_id: m.minerId,
      provider_id: m.providerId,
      name: m.name,
      status: m.lastHeartbeatAt >= onlineSince ? "online" : "offline",
      executor: m.capabilities.executor,
      gpu: m.capabilities.gpu,
      cpu: m.capabilities.cpu,
      models: m.capabilities.models,
      task_types: m.capabilities.task_types,
      max_concurrency: m.capabilities.max_concurrency,
      active_job_ids: held.filter((h) => h.minerId === m.minerId).map((h) => h.jobId),
      public_key: m.publicKey,
      last_heartbeat_at: m.lastHeartbeatAt,
      registered_at: m.registeredAt,
    })),
    page: {
      limit: q.limit,
      next_cursor: rows.length > q.limit && last ? encodeCursor({ m: last.minerId }) : null,
    },
  };
}

export async function adminStats(
  deps: AdminDeps,
  caller: Caller,
): Promise<CoordinatorTypes.AdminStats> {
  requireRole(caller, "admin");
  const tenant = adminScope(caller);
  const byStatus = await deps.jobStats.countByStatus(tenant);
  const volume = await deps.jobStats.volume(tenant);
  const providerIds = tenant ? await deps.accounts.idsOfTenant(tenant, "provider") : undefined;
  return {
    jobs_by_status: byStatus,
    jobs_total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    volume: {
      settled: fromMicro(volume.settled),
      settled_micro: volume.settled.toString(),
      refunded: fromMicro(volume.refunded),
      refunded_micro: volume.refunded.toString(),
      locked: fromMicro(volume.locked),
      locked_micro: volume.locked.toString(),
      currency: "AITBC",
    },
    miners: await deps.miners.counts(deps.presence.onlineSince(), providerIds),
    services: await deps.services.counts(tenant),
    accounts: await deps.accounts.countByRole(tenant),
    generated_at: new Date().toISOString(),
  };
}
