// What the cases hand each other, in the order the scenario builds it up.

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
  /** A customer of the same tenant without any job, for the review that must be refused. */
  newcomerKey: string;
  newcomerId: string;
  /** The customer of the run recorded before a restart. */
  previousKey: string;
  serviceId: string;
  serviceName: string;
  model: string;
  /** Every model the provider's online miners serve. */
  servedModels: string[];
  orderId: string;
  customerBalanceBefore: number;
  providerBalanceBefore: number;
  reviewCountBefore: number;
  jobId: string;
  jobMaxCost: number;
  jobStatus: string;
  /** The job's results (GET /v1/jobs/{job_id}/results) as the customer got them. */
  jobResults: Record<string, unknown>;
  coordinatorKeys: string[];
  /** The confirmed escrow_release of the job, as node 0 reports it. */
  settlement: { tx_hash: string; block_height: number; block_hash: string };
}
