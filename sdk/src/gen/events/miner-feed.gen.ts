// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export interface JobAssignment {
  'job': AssignedJob;
  'lease': JobLease;
}

export interface AssignedJob {
  'job_id': string;
  'service_id': string;
  'provider_id': string;
  'customer_id': string;
  'requirements': InferenceRequest | WorkloadRequest;
  'budget': AssignedJobBudget;
  'pricing': AssignedJobPricing;
  'expires_at': string;
  'chain_id': string;
}

export interface InferenceRequest {
  'task_type': 'inference';
  'model': string;
  'prompt': string;
  'max_tokens'?: number;
  'temperature'?: number;
  'seed'?: number;
}

export interface WorkloadRequest {
  'task_type': string;
  'framework'?: string;
  'dataset_size'?: string;
  'estimated_duration'?: string;
}

export interface AssignedJobBudget {
  'max_cost': number;
  'max_cost_micro': string;
}

export interface AssignedJobPricing {
  'unit_type': AnonymousSchema_19;
  'unit_price': string;
  'input_unit_price'?: string;
}

export type AnonymousSchema_19 = "gpu_seconds" | "tokens";

export interface JobLease {
  'lease_id': string;
  'expires_at': string;
  'ttl_s': number;
}

export interface LeaseRenewal {
  'cancel_job_ids': string[];
  'extended_job_ids': string[];
  'server_time': string;
}
