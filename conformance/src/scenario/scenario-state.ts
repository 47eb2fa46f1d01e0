// What the cases hand each other, in the order the seed builds it up.

export interface ScenarioState {
  runId: string;
  providerKey: string;
  providerId: string;
  providerAddress: string;
  customerKey: string;
  customerId: string;
  customerAddress: string;
  /** A customer of another tenant, for the isolation checks. */
  outsiderKey: string;
  serviceId: string;
  serviceName: string;
  model: string;
  orderId: string;
  customerBalanceBefore: number;
  providerBalanceBefore: number;
  reviewCountBefore: number;
  jobId: string;
  jobMaxCost: number;
  jobStatus: string;
  seedJobId: string;
  /** The job's results (GET /v1/jobs/{job_id}/results) as the customer got them. */
  jobResults: Record<string, unknown>;
  coordinatorKeys: string[];
}
