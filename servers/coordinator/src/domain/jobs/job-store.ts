// What the job use cases need from storage (implemented in data/jobs-repo.ts and the query files
// beside it).
import type { Tx } from "../store/transactions.js";
import type { JobEventType, JobRecord, JobStatus, PublicJobStatus } from "./job-types.js";

/** Fields a state change may write, named as they are stored. */
export interface JobPatch {
  status?: JobStatus;
  attempts?: number;
  miner_id?: string | null;
  lease_id?: string | null;
  lease_expires_at?: string | null;
  updated_at: string;
  assigned_at?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
  failure_code?: string | null;
  failure_message?: string | null;
  output?: string | null;
  metering?: string | null;
  duration_ms?: number | null;
  paid_micro?: string | null;
  refund_micro?: string | null;
  payment_status?: JobRecord["paymentStatus"];
  lock_tx_hash?: string | null;
  settle_tx_hash?: string | null;
  receipt_hash?: string | null;
  last_seq?: number;
}

export interface JobListFilter {
  tenantId?: string;
  customerId?: string;
  providerId?: string;
  status?: PublicJobStatus;
  before?: { createdAt: string; jobId: string };
}

export interface LockedJob {
  job: JobRecord;
  /** The job as it reads after `patch` is written, without reading it back. */
  withPatch(patch: JobPatch): JobRecord;
}

export interface ClaimableQuery {
  providerId: string;
  models: string[];
  taskTypes: string[];
  now: string;
  /** The claiming miner: re-runs pinned to it are claimable too. */
  minerId?: string;
}

export interface JobStore {
  insert(tx: Tx | undefined, job: JobRecord): Promise<void>;
  byId(jobId: string, tx?: Tx): Promise<JobRecord | undefined>;
  /** Reads the job and, on databases that lock rows, holds it until the transaction ends. */
  lockById(tx: Tx, jobId: string): Promise<LockedJob | undefined>;
  update(tx: Tx | undefined, jobId: string, patch: JobPatch): Promise<void>;
  /** Applies the patch if the job is still in `status`; whether it was. */
  updateIfStatus(tx: Tx, jobId: string, status: JobStatus, patch: JobPatch): Promise<boolean>;
  delete(jobId: string): Promise<void>;
  /** Deletes the job if it is still pending. */
  deleteIfPending(tx: Tx, jobId: string): Promise<void>;
  list(filter: JobListFilter, limit: number): Promise<JobRecord[]>;
  /** Completed jobs of a customer on a service, newest first. */
  completedJobIds(customerId: string, serviceId: string): Promise<string[]>;
}

/** The jobs miners hold: claims and their leases. */
export interface JobLeaseStore {
  /** The oldest queued job the miner may run, held against concurrent claimers. */
  nextClaimable(tx: Tx, q: ClaimableQuery): Promise<JobRecord | undefined>;
  countHeldBy(tx: Tx, minerId: string): Promise<number>;
  heldBy(minerIds: readonly string[]): Promise<Array<{ minerId: string; jobId: string }>>;
  /** Of these jobs, the ones the miner holds with a lease still live at `now`. */
  liveLeases(tx: Tx, minerId: string, jobIds: readonly string[], now: string): Promise<string[]>;
  extendLeases(tx: Tx, jobIds: readonly string[], until: string, now: string): Promise<void>;
}

/** The jobs that time has caught up with, for the sweeper. */
export interface JobSweepQueries {
  idsWithExpiredLease(now: string, limit: number): Promise<string[]>;
  idsPastTtl(now: string, limit: number): Promise<string[]>;
  pendingOlderThan(before: string, limit: number): Promise<string[]>;
}

export interface JobEventRecord {
  seq: number;
  job_id: string;
  type: JobEventType;
  at: string;
  data: Record<string, unknown>;
}

export interface JobEventStore {
  /**
   * Appends events with the next sequence numbers. The caller must hold the job (locked in the
   * same transaction), pass its current `lastSeq`, and store the new last seq (the last record's
   * `seq`) in the job's `last_seq` in the same transaction.
   */
  append(
    tx: Tx,
    jobId: string,
    lastSeq: number,
    events: ReadonlyArray<{ type: JobEventType; data: Record<string, unknown> }>,
    at: string,
  ): Promise<JobEventRecord[]>;
  after(jobId: string, afterSeq: number, limit?: number): Promise<JobEventRecord[]>;
}
