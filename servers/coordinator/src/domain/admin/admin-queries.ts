// The aggregates the admin views read (implemented in data/job-admin-queries.ts).
import type { PublicJobStatus } from "../jobs/job-types.js";

export interface JobTotals {
  settled: bigint;
  refunded: bigint;
  locked: bigint;
}

export interface JobAdminQueries {
  countByStatus(tenantId?: string): Promise<Record<PublicJobStatus, number>>;
  /** Money paid out, refunded and still locked in escrow, in micro-AITBC. */
  volume(tenantId?: string): Promise<JobTotals>;
}
