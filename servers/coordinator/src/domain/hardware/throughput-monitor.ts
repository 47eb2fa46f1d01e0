// After a job completes: did it run as fast as the service's claimed GPU should? A CPU-only miner
// behind a listing that claims an A100 is the case this catches.
import type { JobMetering, JobRecord } from "../jobs/job-types.js";
import type { MinerRecord } from "../miners/miner-store.js";
import type { ServiceStore } from "../services/service-store.js";
import type { Tx } from "../store/transactions.js";
import { checkThroughput } from "./gpu-throughput.js";
import type { ThroughputStore } from "./throughput-store.js";

export class ThroughputMonitor {
  constructor(
    private readonly services: ServiceStore,
    private readonly store: ThroughputStore,
  ) {}

  /** Records the check of a completed inference job, in the transaction that completes it. */
  async afterCompletion(
    tx: Tx,
    job: JobRecord,
    miner: MinerRecord,
    metering: JobMetering,
    at: string,
  ): Promise<void> {
    if (!job.model) return;
    const service = await this.services.byId(job.serviceId, tx);
    if (!service) return;
    const check = checkThroughput(service.specs.gpu_type, {
      tokensOut: metering.tokens_out,
      durationMs: metering.duration_ms,
      modelBytes: miner.capabilities.models.find((m) => m.name === job.model)?.size_bytes,
    });
    if (!check) return;
    await this.store.record(tx, {
      serviceId: service.serviceId,
      jobId: job.jobId,
      minerId: miner.minerId,
      gpuClass: check.gpuClass,
      tokensPerS: check.tokensPerS,
      expectedTokensPerS: check.expectedTokensPerS,
      shortfall: check.shortfall,
      checkedAt: at,
    });
  }
}
