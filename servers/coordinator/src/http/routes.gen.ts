// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

// The operations of spec/openapi/coordinator.yaml, for registerRoutes() in @aitbc/server-lib.
import type { RouteHandlers, RouteTable } from "@aitbc/server-lib";
import type { CoordinatorTypes as T } from "@aitbc/sdk";

/** Each operation's request (hey-api's `…Data`) and responses (`…Responses`). */
export interface CoordinatorOperations {
  getHealth: { data: T.GetHealthData; responses: T.GetHealthResponses };
  getMe: { data: T.GetMeData; responses: T.GetMeResponses };
  createAccount: { data: T.CreateAccountData; responses: T.CreateAccountResponses };
  listMyKeys: { data: T.ListMyKeysData; responses: T.ListMyKeysResponses };
  rotateMyKey: { data: T.RotateMyKeyData; responses: T.RotateMyKeyResponses };
  revokeMyKey: { data: T.RevokeMyKeyData; responses: T.RevokeMyKeyResponses };
  listAccountKeys: { data: T.ListAccountKeysData; responses: T.ListAccountKeysResponses };
  revokeAccountKey: { data: T.RevokeAccountKeyData; responses: T.RevokeAccountKeyResponses };
  rotateReceiptKey: { data: T.RotateReceiptKeyData; responses: T.RotateReceiptKeyResponses };
  registerService: { data: T.RegisterServiceData; responses: T.RegisterServiceResponses };
  listServices: { data: T.ListServicesData; responses: T.ListServicesResponses };
  getService: { data: T.GetServiceData; responses: T.GetServiceResponses };
  deactivateService: { data: T.DeactivateServiceData; responses: T.DeactivateServiceResponses };
  updateService: { data: T.UpdateServiceData; responses: T.UpdateServiceResponses };
  rateService: { data: T.RateServiceData; responses: T.RateServiceResponses };
  listServiceReviews: { data: T.ListServiceReviewsData; responses: T.ListServiceReviewsResponses };
  getProviderReputation: { data: T.GetProviderReputationData; responses: T.GetProviderReputationResponses };
  createJob: { data: T.CreateJobData; responses: T.CreateJobResponses };
  listJobs: { data: T.ListJobsData; responses: T.ListJobsResponses };
  getJobStatus: { data: T.GetJobStatusData; responses: T.GetJobStatusResponses };
  getJobResults: { data: T.GetJobResultsData; responses: T.GetJobResultsResponses };
  cancelJob: { data: T.CancelJobData; responses: T.CancelJobResponses };
  getJobDispute: { data: T.GetJobDisputeData; responses: T.GetJobDisputeResponses };
  createJobDispute: { data: T.CreateJobDisputeData; responses: T.CreateJobDisputeResponses };
  registerMiner: { data: T.RegisterMinerData; responses: T.RegisterMinerResponses };
  heartbeatMiner: { data: T.HeartbeatMinerData; responses: T.HeartbeatMinerResponses };
  claimJob: { data: T.ClaimJobData; responses: T.ClaimJobResponses };
  reportJobProgress: { data: T.ReportJobProgressData; responses: T.ReportJobProgressResponses };
  completeJob: { data: T.CompleteJobData; responses: T.CompleteJobResponses };
  failJob: { data: T.FailJobData; responses: T.FailJobResponses };
  releaseJob: { data: T.ReleaseJobData; responses: T.ReleaseJobResponses };
  listReceipts: { data: T.ListReceiptsData; responses: T.ListReceiptsResponses };
  listKeys: { data: T.ListKeysData; responses: T.ListKeysResponses };
  listAdminMiners: { data: T.ListAdminMinersData; responses: T.ListAdminMinersResponses };
  listAdminJobs: { data: T.ListAdminJobsData; responses: T.ListAdminJobsResponses };
  getAdminStats: { data: T.GetAdminStatsData; responses: T.GetAdminStatsResponses };
  requeueSettlementBatch: { data: T.RequeueSettlementBatchData; responses: T.RequeueSettlementBatchResponses };
}

export const coordinatorRouteTable: RouteTable<CoordinatorOperations> = {
  getHealth: { method: "get", path: "/v1/health" },
  getMe: { method: "get", path: "/v1/me" },
  createAccount: { method: "post", path: "/v1/admin/accounts" },
  listMyKeys: { method: "get", path: "/v1/me/keys" },
  rotateMyKey: { method: "post", path: "/v1/me/keys" },
  revokeMyKey: { method: "post", path: "/v1/me/keys/:key_id/revoke" },
  listAccountKeys: { method: "get", path: "/v1/admin/accounts/:account_id/keys" },
  revokeAccountKey: { method: "post", path: "/v1/admin/accounts/:account_id/keys/:key_id/revoke" },
  rotateReceiptKey: { method: "post", path: "/v1/admin/keys/rotate" },
  registerService: { method: "post", path: "/v1/services/register" },
  listServices: { method: "get", path: "/v1/services" },
  getService: { method: "get", path: "/v1/services/:service_id" },
  deactivateService: { method: "delete", path: "/v1/services/:service_id" },
  updateService: { method: "patch", path: "/v1/services/:service_id" },
  rateService: { method: "post", path: "/v1/services/:service_id/rate" },
  listServiceReviews: { method: "get", path: "/v1/services/:service_id/reviews" },
  getProviderReputation: { method: "get", path: "/v1/providers/:provider_id/reputation" },
  createJob: { method: "post", path: "/v1/jobs/create" },
  listJobs: { method: "get", path: "/v1/jobs" },
  getJobStatus: { method: "get", path: "/v1/jobs/:job_id/status" },
  getJobResults: { method: "get", path: "/v1/jobs/:job_id/results" },
  cancelJob: { method: "post", path: "/v1/jobs/:job_id/cancel" },
  getJobDispute: { method: "get", path: "/v1/jobs/:job_id/disputes" },
  createJobDispute: { method: "post", path: "/v1/jobs/:job_id/disputes" },
  registerMiner: { method: "post", path: "/v1/miners/register" },
  heartbeatMiner: { method: "post", path: "/v1/miners/:miner_id/heartbeat" },
  claimJob: { method: "post", path: "/v1/miners/:miner_id/claim" },
  reportJobProgress: { method: "post", path: "/v1/jobs/:job_id/progress" },
  completeJob: { method: "post", path: "/v1/jobs/:job_id/complete" },
  failJob: { method: "post", path: "/v1/jobs/:job_id/fail" },
  releaseJob: { method: "post", path: "/v1/jobs/:job_id/release" },
  listReceipts: { method: "get", path: "/v1/receipts" },
  listKeys: { method: "get", path: "/v1/keys" },
  listAdminMiners: { method: "get", path: "/v1/admin/miners" },
  listAdminJobs: { method: "get", path: "/v1/admin/jobs" },
  getAdminStats: { method: "get", path: "/v1/admin/stats" },
  requeueSettlementBatch: { method: "post", path: "/v1/admin/settlement-batches/:batch_id/requeue" },
};

/** Handlers of some of the operations (all of them by default), for one route module. */
export type CoordinatorHandlers<K extends keyof CoordinatorOperations = keyof CoordinatorOperations> = Pick<
  RouteHandlers<CoordinatorOperations>,
  K
>;
