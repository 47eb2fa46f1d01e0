// The keys of state records. A kind prefix keeps an address, a batch id and a job id apart even
// where their spellings could coincide.
import type { StateRecord } from "./records.js";

export const depositKey = (owner: string): string => `deposit:${owner}`;
export const settlementKey = (batchId: string): string => `settlement:${batchId}`;
export const paidJobKey = (jobId: string): string => `paid_job:${jobId}`;

export function recordKey(r: StateRecord): string {
  switch (r.kind) {
    case "deposit":
      return depositKey(r.owner);
    case "settlement":
      return settlementKey(r.batch_id);
    case "paid_job":
      return paidJobKey(r.job_id);
  }
}
