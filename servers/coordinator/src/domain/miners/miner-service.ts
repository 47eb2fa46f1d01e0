// Miner registration and heartbeats. A miner belongs to one provider, and its public key is the
// key that must sign the receipts of the jobs it runs.
import { randomBytes } from "node:crypto";
import { Conflict, NotFound, ValidationFailed } from "@aitbc/server-lib";
import { fromBase64Url, type CoordinatorTypes } from "@aitbc/sdk";
import type { MinerRecord, MinerStore } from "./miner-store.js";
import type { JobLeaseStore } from "../jobs/job-store.js";
import { requireRole, type Caller } from "../accounts/caller.js";
import type { Transactions } from "../store/transactions.js";

export interface MinerProtocolSettings {
  heartbeatIntervalS: number;
  /** Without a wake-up signal, a waiting claim looks at the queue again this often. */
  claimRecheckMs: number;
  leaseTtlS: number;
  claimWaitMaxS: number;
  chainId: string;
}

export class MinerService {
  constructor(
    private readonly transactions: Transactions,
    private readonly miners: MinerStore,
    private readonly jobs: JobLeaseStore,
    private readonly settings: MinerProtocolSettings,
  ) {}

  async register(
    caller: Caller,
    body: CoordinatorTypes.RegisterMinerRequest,
  ): Promise<CoordinatorTypes.MinerRegistration> {
    requireRole(caller, "provider");
    try {
      if (fromBase64Url(body.public_key).length !== 32) throw new Error("length");
    } catch {
      throw ValidationFailed.field("body.public_key", "is not a base64url ed25519 public key");
    }
    const minerId = body.miner_id ?? randomBytes(16).toString("hex");
    const existing = await this.miners.byId(minerId);
    if (existing && existing.providerId !== caller.id)
      throw new Conflict("already_exists", `Miner id ${minerId} belongs to another provider.`);
    const now = new Date().toISOString();
    await this.miners.upsert({
      minerId,
      providerId: caller.id,
      name: body.name,
      publicKey: body.public_key,
      capabilities: body.capabilities,
      lastHeartbeatAt: now,
      registeredAt: existing?.registeredAt ?? now,
    });
    return {
      miner_id: minerId,
      provider_id: caller.id,
      heartbeat_interval_s: this.settings.heartbeatIntervalS,
      lease_ttl_s: this.settings.leaseTtlS,
      claim_wait_max_s: this.settings.claimWaitMaxS,
      chain_id: this.settings.chainId,
    };
  }

  /** The caller's miner; another provider's miner is 404 like a missing one. */
  async owned(caller: Caller, minerId: string): Promise<MinerRecord> {
    requireRole(caller, "provider");
    const m = await this.miners.byId(minerId);
    if (!m || m.providerId !== caller.id) throw new NotFound(`No miner with id ${minerId}.`);
    return m;
  }

  async heartbeat(
    caller: Caller,
    minerId: string,
    body: CoordinatorTypes.HeartbeatRequest,
  ): Promise<CoordinatorTypes.HeartbeatResponse> {
    const miner = await this.owned(caller, minerId);
    const now = new Date();
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + this.settings.leaseTtlS * 1000).toISOString();
    const ids = [...new Set(body.active_job_ids)];
    let extended: string[] = [];
    await this.transactions.run(async (tx) => {
      await this.miners.touch(miner.minerId, nowIso, tx);
      if (ids.length === 0) return;
      // Only live leases are extended: an expired one is already lost, even before the sweeper
      // has put its job back in the queue.
      extended = await this.jobs.liveLeases(tx, miner.minerId, ids, nowIso);
      if (extended.length) await this.jobs.extendLeases(tx, extended, until, nowIso);
    });
    const kept = new Set(extended);
    return {
      cancel_job_ids: ids.filter((id) => !kept.has(id)),
      extended_job_ids: ids.filter((id) => kept.has(id)),
      server_time: nowIso,
    };
  }
}
