// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type JobStream = JobStatusEvent | JobProgressEvent | JobResultEvent | JobDisputeEvent;

export interface JobStatusEvent {
  'seq': number;
  'job_id': string;
  'type': 'status';
  'at': string;
  'data': JobStatusData;
}

export interface JobStatusData {
  'status': JobStreamStatus;
  'reason'?: string;
  'miner_id'?: string;
}

export type JobStreamStatus = "queued" | "assigned" | "running" | "completed" | "failed" | "expired" | "cancelled";

export interface JobProgressEvent {
  'seq': number;
  'job_id': string;
  'type': 'progress';
  'at': string;
  'data': JobProgressData;
}

export interface JobProgressData {
  'kind': JobProgressKind;
  'text': string;
}

export type JobProgressKind = "token" | "log";

export interface JobResultEvent {
  'seq': number;
  'job_id': string;
  'type': 'result';
  'at': string;
  'data': JobResultData;
}

export interface JobResultData {
  'status': JobFinalStatus;
  'output'?: JobStreamOutput;
  'receipt'?: Receipt;
  'receipt_hash'?: string;
  'payment'?: JobStreamPayment;
  'failure'?: JobStreamFailure;
}

export type JobFinalStatus = "completed" | "failed" | "expired" | "cancelled";

export interface JobStreamOutput {
  'text': string;
  'finish_reason': JobFinishReason;
}

export type JobFinishReason = "stop" | "length" | "budget" | "cancelled";

export interface Receipt {
  'receipt_id': string;
  'job_id': string;
  'service_id': string;
  'provider_id': string;
  'customer_id': string;
  'miner_id'?: string;
  'model': string;
  'model_digest'?: string;
  'input_hash': string;
  'output_hash': string;
  'units': string;
  'unit_type': AnonymousSchema_32;
  'unit_price': string;
  'input_unit_price'?: string;
  'cost': string;
  'tokens_in'?: number;
  'tokens_out'?: number;
  'seed'?: number;
  'temperature'?: string;
  'executor'?: string;
  'executor_version'?: string;
  'started_at': string;
  'completed_at': string;
  'chain_id': string;
  'signatures': Signature[];
}

export type AnonymousSchema_32 = "gpu_seconds" | "tokens";

export interface Signature {
  'alg': AnonymousSchema_43;
  'key_id': string;
  'public_key': string;
  'sig': string;
}

export type AnonymousSchema_43 = "ed25519";

export interface JobStreamPayment {
  'status': JobPaymentStatus;
  'funding': JobPaymentFunding;
  'amount': number;
  'paid': number | null;
  'refund': number | null;
  'lock_tx_hash': string | null;
  'tx_hash': string | null;
  'batch_id': string | null;
}

export type JobPaymentStatus = "locked" | "settled" | "refunded";

export type JobPaymentFunding = "escrow" | "deposit" | "verification";

export interface JobStreamFailure {
  'code': string;
  'message': string;
}

export interface JobDisputeEvent {
  'seq': number;
  'job_id': string;
  'type': 'dispute';
  'at': string;
  'data': JobDisputeData;
}

export interface JobDisputeData {
  'dispute_id': string;
  'status': JobDisputeStatus;
  'verdict'?: string;
  'rerun_job_id'?: string;
  'refund'?: number;
  'fee'?: number;
}

export type JobDisputeStatus = "open" | "rerunning" | "upheld" | "rejected" | "unverifiable";
