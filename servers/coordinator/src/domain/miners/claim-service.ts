// The long-poll claim: a miner asks for work and waits (up to wait_s) until a job it can run is
// queued for its provider. Claims are transactions that take the oldest matching queued job under
// a fresh lease; on PostgreSQL with SKIP LOCKED so concurrent claimers never wait on or share a
// job, on SQLite because writers are serialized.
import { randomBytes } from "node:crypto";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { MinerRecord, MinerStore } from "./miner-store.js";
import type { JobRecord } from "../jobs/job-types.js";
import type { JobEventStore, JobLeaseStore, JobStore } from "../jobs/job-store.js";
import type { SignalBus } from "../events/signal-bus.js";
import type { MinerProtocolSettings } from "./miner-service.js";
import type { MinerService } from "./miner-service.js";
import type { Caller } from "../accounts/caller.js";
import { fromMicro } from "@aitbc/sdk";
import type { Transactions } from "../store/transactions.js";

export class ClaimService {
  private readonly shutdown = new AbortController();

  constructor(
    private readonly transactions: Transactions,
    private readonly miners: MinerStore,
    private readonly minerService: MinerService,
    private readonly jobs: JobStore & JobLeaseStore,
    private readonly events: JobEventStore,
    private readonly bus: SignalBus,
    private readonly settings: MinerProtocolSettings,
  ) {}

  async claim(
    caller: Caller,
    minerId: string,
    waitS: number,
    signal: AbortSignal,
  ): Promise<CoordinatorTypes.Claim | null> {
    const miner = await this.minerService.owned(caller, minerId);
    // A claim counts as a heartbeat; the first look at the queue writes it in its transaction.
    let touchAt: string | undefined = new Date().toISOString();
    const deadline = Date.now() + Math.min(waitS, this.settings.claimWaitMaxS) * 1000;
    // Listen before looking, so a job queued between the look and the wait is not missed.
    let signalled: boolean;
    let wake: (() => void) | undefined;
    const off = this.bus.on("queued", miner.providerId, () => {
      signalled = true;
      wake?.();
    });
    try {
      for (;;) {
        signalled = false;
        const claimed = await this.tryClaim(miner, touchAt);
        touchAt = undefined;
        if (claimed) return claimed;
        const remaining = deadline - Date.now();
        if (remaining <= 0 || signal.aborted || this.shutdown.signal.aborted) return null;
        if (signalled) continue;
        await new Promise<void>((resolve) => {
          const done = () => {
            wake = undefined;
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            this.shutdown.signal.removeEventListener("abort", done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(remaining, this.settings.claimRecheckMs));
          wake = done;
          signal.addEventListener("abort", done, { once: true });
          this.shutdown.signal.addEventListener("abort", done, { once: true });
        });
      }
    } finally {
      off();
    }
  }

  /** Ends every waiting long-poll (they answer 204), for shutdown. */
  stop(): void {
    this.shutdown.abort();
  }

  /** Takes the oldest job the miner may run, if any; `touchAt` also records a heartbeat. */
  async tryClaim(miner: MinerRecord, touchAt?: string): Promise<CoordinatorTypes.Claim | null> {
    const now = new Date();
    const nowIso = now.toISOString();
    const leaseId = randomBytes(16).toString("hex");
    const leaseUntil = new Date(now.getTime() + this.settings.leaseTtlS * 1000).toISOString();
    const job = await this.transactions.run(async (tx) => {
      if (touchAt) await this.miners.touch(miner.minerId, touchAt, tx);
      const held = await this.jobs.countHeldBy(tx, miner.minerId);
      if (held >= miner.capabilities.max_concurrency) return undefined;
      const next = await this.jobs.nextClaimable(tx, {
        providerId: miner.providerId,
        models: miner.capabilities.models.map((m) => m.name),
        taskTypes: miner.capabilities.task_types,
        now: nowIso,
        minerId: miner.minerId,
      });
      if (!next) return undefined;
      await this.events.append(
        tx,
        next.jobId,
        next.lastSeq,
        [{ type: "status", data: { status: "assigned", miner_id: miner.minerId } }],
        nowIso,
      );
      await this.jobs.update(tx, next.jobId, {
        status: "assigned",
        miner_id: miner.minerId,
        lease_id: leaseId,
        lease_expires_at: leaseUntil,
        attempts: next.attempts + 1,
        assigned_at: nowIso,
        updated_at: nowIso,
        last_seq: next.lastSeq + 1,
      });
      return next;
    });
    if (!job) return null;
    this.bus.publish({ kind: "job", id: job.jobId });
    return {
      job: claimedJob(job, this.settings.chainId),
      lease: { lease_id: leaseId, expires_at: leaseUntil, ttl_s: this.settings.leaseTtlS },
    };
  }
}

export function claimedJob(job: JobRecord, chainId: string): CoordinatorTypes.ClaimedJob {
  return {
    job_id: job.jobId,
    service_id: job.serviceId,
    provider_id: job.providerId,
    customer_id: job.customerId,
    requirements: job.requirements as CoordinatorTypes.ClaimedJob["requirements"],
    budget: { max_cost: fromMicro(job.budgetMicro), max_cost_micro: job.budgetMicro.toString() },
    pricing: {
      unit_type: job.unitType,
      unit_price: job.unitPriceMicro.toString(),
      ...(job.inputPriceMicro !== null ? { input_unit_price: job.inputPriceMicro.toString() } : {}),
    },
    expires_at: job.expiresAt,
    chain_id: chainId,
  };
}
