// The last throughput check of each service, and what the use cases need from storage
// (data/throughput-repo.ts).
import type { Tx } from "../store/transactions.js";

export interface ThroughputRecord {
  serviceId: string;
  jobId: string;
  minerId: string;
  gpuClass: string;
  tokensPerS: number;
  expectedTokensPerS: number;
  shortfall: boolean;
  checkedAt: string;
}

export interface ThroughputStore {
  /** Replaces the service's last check. */
  record(tx: Tx, r: ThroughputRecord): Promise<void>;
  latest(serviceIds: readonly string[]): Promise<Map<string, ThroughputRecord>>;
}
