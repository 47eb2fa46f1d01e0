// The keys of state records. A kind prefix keeps an address, a batch id and a job id apart even
// where their spellings could coincide.
import type { StateRecord } from "./records.js";

export const depositKey = (owner: string): string => `deposit:${owner}`;
export const settlementKey = (batchId: string): string => `settlement:${batchId}`;
export const paidJobKey = (jobId: string): string => `paid_job:${jobId}`;
export const bondKey = (provider: string): string => `bond:${provider}`;
export const slashKey = (jobId: string): string => `slash:${jobId}`;
export const poolPayoutKey = (jobId: string): string => `pool_payout:${jobId}`;
/** The chain has one verification pool. */
export const POOL_KEY = "pool:verification";

export function recordKey(r: StateRecord): string {
  switch (r.kind) {
    case "deposit":
      return depositKey(r.owner);
    case "settlement":
      return settlementKey(r.batch_id);
    case "paid_job":
      return paidJobKey(r.job_id);
    case "bond":
      return bondKey(r.provider);
    case "slash":
      return slashKey(r.job_id);
    case "pool":
      return POOL_KEY;
    case "pool_payout":
      return poolPayoutKey(r.job_id);
  }
}
