// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { CancelJobData, CancelJobErrors, CancelJobResponses, ClaimJobData, ClaimJobErrors, ClaimJobResponses, CompleteJobData, CompleteJobErrors, CompleteJobResponses, CreateAccountData, CreateAccountErrors, CreateAccountResponses, CreateJobData, CreateJobDisputeData, CreateJobDisputeErrors, CreateJobDisputeResponses, CreateJobErrors, CreateJobResponses, DeactivateServiceData, DeactivateServiceErrors, DeactivateServiceResponses, FailJobData, FailJobErrors, FailJobResponses, GetAdminStatsData, GetAdminStatsErrors, GetAdminStatsResponses, GetHealthData, GetHealthErrors, GetHealthResponses, GetJobDisputeData, GetJobDisputeErrors, GetJobDisputeResponses, GetJobResultsData, GetJobResultsErrors, GetJobResultsResponses, GetJobStatusData, GetJobStatusErrors, GetJobStatusResponses, GetMeData, GetMeErrors, GetMeResponses, GetProviderReputationData, GetProviderReputationErrors, GetProviderReputationResponses, GetServiceData, GetServiceErrors, GetServiceResponses, HeartbeatMinerData, HeartbeatMinerErrors, HeartbeatMinerResponses, ListAccountKeysData, ListAccountKeysErrors, ListAccountKeysResponses, ListAdminJobsData, ListAdminJobsErrors, ListAdminJobsResponses, ListAdminMinersData, ListAdminMinersErrors, ListAdminMinersResponses, ListJobsData, ListJobsErrors, ListJobsResponses, ListKeysData, ListKeysErrors, ListKeysResponses, ListMyKeysData, ListMyKeysErrors, ListMyKeysResponses, ListReceiptsData, ListReceiptsErrors, ListReceiptsResponses, ListServiceReviewsData, ListServiceReviewsErrors, ListServiceReviewsResponses, ListServicesData, ListServicesErrors, ListServicesResponses, RateServiceData, RateServiceErrors, RateServiceResponses, RegisterMinerData, RegisterMinerErrors, RegisterMinerResponses, RegisterServiceData, RegisterServiceErrors, RegisterServiceResponses, ReleaseJobData, ReleaseJobErrors, ReleaseJobResponses, ReportJobProgressData, ReportJobProgressErrors, ReportJobProgressResponses, RequeueSettlementBatchData, RequeueSettlementBatchErrors, RequeueSettlementBatchResponses, RevokeAccountKeyData, RevokeAccountKeyErrors, RevokeAccountKeyResponses, RevokeMyKeyData, RevokeMyKeyErrors, RevokeMyKeyResponses, RotateMyKeyData, RotateMyKeyErrors, RotateMyKeyResponses, RotateReceiptKeyData, RotateReceiptKeyErrors, RotateReceiptKeyResponses, UpdateServiceData, UpdateServiceErrors, UpdateServiceResponses } from './types.gen.js';

export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client?: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: Record<string, unknown>;
};

class HeyApiClient {
    protected client: Client;
    
    constructor(args?: {
        client?: Client;
    }) {
        this.client = args?.client ?? client;
    }
}

class HeyApiRegistry<T> {
    private readonly defaultKey = 'default';
    
    private readonly instances: Map<string, T> = new Map();
    
    get(key?: string): T {
        const instance = this.instances.get(key ?? this.defaultKey);
        if (!instance) {
            throw new Error(`No SDK client found. Create one with "new CoordinatorApi()" to fix this error.`);
        }
        return instance;
    }
    
    set(value: T, key?: string): void {
        this.instances.set(key ?? this.defaultKey, value);
    }
}

export class CoordinatorApi extends HeyApiClient {
    public static readonly __registry = new HeyApiRegistry<CoordinatorApi>();
    
    constructor(args?: {
        client?: Client;
        key?: string;
    }) {
        super(args);
        CoordinatorApi.__registry.set(this, args?.key);
    }
    
    /**
     * Service health
     */
    public getHealth<ThrowOnError extends boolean = true>(options?: Options<GetHealthData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetHealthResponses, GetHealthErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/v1/health',
            ...options
        });
    }
    
    /**
     * The account behind the API key
     *
     * Any valid key. The wallet and the exchange authenticate their callers by forwarding the
     * key here. The platform admin key (`AITBC_ADMIN_API_KEY`) answers with `id: admin`,
     * `platform_admin: true` and no address.
     *
     */
    public getMe<ThrowOnError extends boolean = true>(options?: Options<GetMeData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetMeResponses, GetMeErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/me',
            ...options
        });
    }
    
    /**
     * Create an account with an API key and a chain address
     *
     * Admin key. Creates a customer, provider or admin account and returns its API key (shown
     * once; stored hashed) and its chain address (from the wallet daemon when the coordinator
     * is configured with `AITBC_WALLET_URL`). Only the platform admin may pass `tenant_id`;
     * a tenant admin creates accounts in its own tenant. Without `tenant_id` the platform
     * admin creates accounts in the `default` tenant.
     *
     */
    public createAccount<ThrowOnError extends boolean = true>(options: Options<CreateAccountData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateAccountResponses, CreateAccountErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/accounts',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * The caller's API keys (never the keys themselves)
     *
     * Any account key. Lists the account's keys, newest first, with their state: `active`,
     * `expiring` (replaced by a rotation, still accepted until `expires_at`), `expired` or
     * `revoked`. The platform admin key is not an account key: 403.
     *
     */
    public listMyKeys<ThrowOnError extends boolean = true>(options?: Options<ListMyKeysData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListMyKeysResponses, ListMyKeysErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/me/keys',
            ...options
        });
    }
    
    /**
     * Rotate the caller's API key
     *
     * Any account key. Returns a new key (shown once; stored hashed). The key that made the
     * call stays valid for a grace period of 24 hours (`expires_at`), so running clients can
     * switch over; with `revoke_current: true` it is revoked at once instead. A revoked or
     * expired key is refused (401) by the coordinator, the wallet and the exchange within 1 s.
     *
     */
    public rotateMyKey<ThrowOnError extends boolean = true>(options?: Options<RotateMyKeyData, ThrowOnError>) {
        return (options?.client ?? this.client).post<RotateMyKeyResponses, RotateMyKeyErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/me/keys',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options?.headers
            }
        });
    }
    
    /**
     * Revoke one of the caller's API keys
     *
     * Any account key, for a key of the same account (another account's key id is 404).
     * Revoking is final and idempotent. The key is refused everywhere within 1 s.
     *
     */
    public revokeMyKey<ThrowOnError extends boolean = true>(options: Options<RevokeMyKeyData, ThrowOnError>) {
        return (options.client ?? this.client).post<RevokeMyKeyResponses, RevokeMyKeyErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/me/keys/{key_id}/revoke',
            ...options
        });
    }
    
    /**
     * An account's API keys (admin)
     *
     * Admin key. The platform admin sees every account; a tenant admin only accounts of its
     * own tenant (another tenant's account is 404).
     *
     */
    public listAccountKeys<ThrowOnError extends boolean = true>(options: Options<ListAccountKeysData, ThrowOnError>) {
        return (options.client ?? this.client).get<ListAccountKeysResponses, ListAccountKeysErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/accounts/{account_id}/keys',
            ...options
        });
    }
    
    /**
     * Revoke an account's API key (admin)
     *
     * Admin key, with the same tenant rule as listing. Final and idempotent; the key is refused
     * everywhere within 1 s.
     *
     */
    public revokeAccountKey<ThrowOnError extends boolean = true>(options: Options<RevokeAccountKeyData, ThrowOnError>) {
        return (options.client ?? this.client).post<RevokeAccountKeyResponses, RevokeAccountKeyErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/accounts/{account_id}/keys/{key_id}/revoke',
            ...options
        });
    }
    
    /**
     * Rotate the coordinator's receipt signing key (platform admin)
     *
     * Platform admin key only (a tenant admin gets 403). A new signing key signs every receipt
     * from now on; the old one stays listed at `GET /v1/keys` with its `valid_until`, so
     * receipts it signed still verify. When the key comes from `AITBC_RECEIPT_SECRET_KEY` it
     * cannot be rotated here (409): change the variable instead.
     *
     */
    public rotateReceiptKey<ThrowOnError extends boolean = true>(options?: Options<RotateReceiptKeyData, ThrowOnError>) {
        return (options?.client ?? this.client).post<RotateReceiptKeyResponses, RotateReceiptKeyErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/keys/rotate',
            ...options
        });
    }
    
    /**
     * Register a service (a provider's service_config)
     *
     * Provider key. The body is the provider's `service_config` as written, plus an optional
     * `description` and `specs.models` (models the provider declares; the models a service can
     * serve right now are those of its provider's online miners). `service_id` is unique across
     * the marketplace: a second registration with the same id is 409 `already_exists`.
     * When the coordinator has a minimum provider bond (`bond.required` of any service) and
     * the provider's active bond on chain is below it: 422 `bond_required` with `min_bond` and
     * `bond`; post one with the wallet's `POST /api/v1/wallet/bond/lock` (`aitbc bond lock N`).
     *
     */
    public registerService<ThrowOnError extends boolean = true>(options: Options<RegisterServiceData, ThrowOnError>) {
        return (options.client ?? this.client).post<RegisterServiceResponses, RegisterServiceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/register',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Browse and filter services
     *
     * Public (a key is accepted but not needed). Active services by default, ordered by
     * `service_id`; paging is stable. `min_price`/`max_price` compare `rate_per_hour`, so they
     * keep only services priced per hour; `max_price_per_1k_tokens` compares the output-token
     * price of token-priced services (`unit_type=tokens` lists them all).
     * `available_now=true` keeps services whose availability window contains the current time.
     * `model` keeps services that can serve that model now (an online miner of the provider
     * serves it). `framework` matches `specs.supported_frameworks` case-insensitively.
     * `verified_only=true` keeps services whose claimed hardware an online miner of the
     * provider has (`hardware.verified`).
     * `min_bond` keeps services whose provider has an active bond of at least that many AITBC.
     *
     */
    public listServices<ThrowOnError extends boolean = true>(options?: Options<ListServicesData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListServicesResponses, ListServicesErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services',
            ...options
        });
    }
    
    /**
     * Deactivate a service (owner only)
     *
     * The owning provider's key. The service is kept (its jobs, receipts and reviews refer to
     * it) but marked `inactive`; `PATCH` with `status: active` reactivates it. Idempotent.
     *
     */
    public deactivateService<ThrowOnError extends boolean = true>(options: Options<DeactivateServiceData, ThrowOnError>) {
        return (options.client ?? this.client).delete<DeactivateServiceResponses, DeactivateServiceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/{service_id}',
            ...options
        });
    }
    
    /**
     * Service details
     */
    public getService<ThrowOnError extends boolean = true>(options: Options<GetServiceData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetServiceResponses, GetServiceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/{service_id}',
            ...options
        });
    }
    
    /**
     * Update a service (owner only)
     *
     * The owning provider's key. Every field is optional; objects replace the stored object
     * (`specs`, `pricing`, `availability`). `status: inactive` takes the service off the market
     * (new jobs cannot use it; running jobs finish), `status: active` puts it back. Activating
     * (`status: active`) needs the provider's bond to meet the coordinator's minimum, like a
     * registration: 422 `bond_required` otherwise.
     *
     */
    public updateService<ThrowOnError extends boolean = true>(options: Options<UpdateServiceData, ThrowOnError>) {
        return (options.client ?? this.client).patch<UpdateServiceResponses, UpdateServiceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/{service_id}',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Rate and review a service
     *
     * Customer key. Allowed only for a customer with a completed job on this service, at most
     * one review per job. Without `job_id`, the review goes to the customer's most recent
     * completed job on this service that has no review yet. `customer_id`, if given, must be
     * the caller's id. No completed job: 422 `review_not_allowed`; every completed job already
     * reviewed (or the given job reviewed): 409 `already_reviewed`. The provider's reputation
     * reflects the review at once.
     *
     */
    public rateService<ThrowOnError extends boolean = true>(options: Options<RateServiceData, ThrowOnError>) {
        return (options.client ?? this.client).post<RateServiceResponses, RateServiceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/{service_id}/rate',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Reviews of a service, newest first
     */
    public listServiceReviews<ThrowOnError extends boolean = true>(options: Options<ListServiceReviewsData, ThrowOnError>) {
        return (options.client ?? this.client).get<ListServiceReviewsResponses, ListServiceReviewsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/services/{service_id}/reviews',
            ...options
        });
    }
    
    /**
     * A provider's reputation (public)
     *
     * No key needed. Ratings come from reviews; the rest is measured: jobs completed and failed
     * (expired and cancelled jobs count for neither), completion rate = completed ÷
     * (completed + failed), and the median execution time of completed jobs. Values that need
     * data are `null` until there is some.
     *
     */
    public getProviderReputation<ThrowOnError extends boolean = true>(options: Options<GetProviderReputationData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetProviderReputationResponses, GetProviderReputationErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/v1/providers/{provider_id}/reputation',
            ...options
        });
    }
    
    /**
     * Submit a job with a budget
     *
     * Customer key. `requirements` is an inference request
     * (`{task_type: "inference", model, prompt, max_tokens?, temperature?, seed?}`) or a
     * workload description (`{task_type, framework, dataset_size, estimated_duration}`).
     *
     * Without `service_id` the coordinator picks the best matching service (model, price,
     * availability, reputation). When nothing can run the job the answer is 422
     * `no_matching_service` with `reasons`: which filter excluded which services. An inference
     * job needs an online miner of the service's provider that serves the model. A workload
     * job on an available service is accepted even when no online miner advertises its
     * `task_type` yet; `notes` says so, and the job waits for such a miner until its TTL.
     *
     * A token-priced service (`pricing.unit_type: tokens`) needs a budget that covers the
     * worst case: `max_tokens` (128 when absent) output tokens plus the prompt's input tokens
     * (counted with the model's tokenizer where the coordinator has it, else its UTF-8 bytes
     * + 64), at the service's prices. A smaller budget excludes the service (`reasons` filter
     * `budget`, with the estimate), so a job that names it is 422 `no_matching_service`.
     * Among the services that can run the job, those with verified hardware
     * (`hardware.verified`) come first; then the order is price, then rating. With
     * `requirements.verified_only: true` unverified services are excluded (filter `hardware`
     * in the 422 reasons, which then says that only unverified services could have run it).
     *
     * The budget comes from the customer's prepaid deposit or a per-job escrow (`funding`). A
     * deposit job is reserved against the deposit in the same step that creates it and is
     * queued at once; an escrow job is queued once its `escrow_lock` (from the customer's own
     * balance) is in a block. Not enough balance for the escrow is 402 `insufficient_funds`, a
     * deposit that cannot cover the budget with `funding: deposit` is 402
     * `deposit_insufficient`; either way nothing is created or moved. The metered cost never exceeds `max_cost`; the rest is refunded on completion, and
     * everything is refunded on failure, expiry or cancel. `customer_id`, if given, must be the
     * caller's id (403 otherwise).
     *
     */
    public createJob<ThrowOnError extends boolean = true>(options: Options<CreateJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateJobResponses, CreateJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/create',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * The caller's jobs, newest first
     *
     * A customer sees its own jobs, a provider the jobs on its services, a tenant admin the
     * jobs of its tenant, the platform admin every job.
     *
     */
    public listJobs<ThrowOnError extends boolean = true>(options?: Options<ListJobsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListJobsResponses, ListJobsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs',
            ...options
        });
    }
    
    /**
     * A job's status
     *
     * The job's customer, the provider running it, or an admin of its tenant. Anyone else
     * (another customer, another tenant) gets 404.
     *
     */
    public getJobStatus<ThrowOnError extends boolean = true>(options: Options<GetJobStatusData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetJobStatusResponses, GetJobStatusErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/status',
            ...options
        });
    }
    
    /**
     * A job's results, receipt and payment
     *
     * Same access as the status. `result` and `receipt` are `null` until the job completes;
     * `failure` says why a failed job failed. Verify the receipt offline with the SDK's
     * `verifyReceipt` and the keys from `GET /v1/keys`.
     *
     */
    public getJobResults<ThrowOnError extends boolean = true>(options: Options<GetJobResultsData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetJobResultsResponses, GetJobResultsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/results',
            ...options
        });
    }
    
    /**
     * Cancel a job and refund its budget
     *
     * The job's customer or an admin of its tenant. A queued, assigned or running job becomes
     * `cancelled`, its miner is told to abort (heartbeat `cancel_job_ids`, progress
     * `cancelled: true`) and the whole budget is refunded. A finished job is 409
     * `job_not_cancellable`. Cancelling a cancelled job answers the job again.
     *
     */
    public cancelJob<ThrowOnError extends boolean = true>(options: Options<CancelJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<CancelJobResponses, CancelJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/cancel',
            ...options
        });
    }
    
    /**
     * The dispute of a job
     *
     * Same access as the job's status. 404 when the job has no dispute.
     *
     */
    public getJobDispute<ThrowOnError extends boolean = true>(options: Options<GetJobDisputeData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetJobDisputeResponses, GetJobDisputeErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/disputes',
            ...options
        });
    }
    
    /**
     * Dispute a completed job's result
     *
     * The job's customer only (another caller who can see the job gets 403). The job must have
     * completed within the dispute window (`AITBC_DISPUTE_WINDOW_S`, default 86400 s): an
     * unfinished or failed job is 409 `job_not_disputable`, a late dispute 422
     * `dispute_window_closed`, a second dispute of the same job 409 `dispute_exists`.
     * The coordinator re-runs the job (same prompt, parameters, seed and temperature) on a miner
     * of another provider that serves the same model digest and compares the two runs by the
     * SDK's output agreement rule. `open` → `rerunning` → `upheld` (the runs disagree: the
     * customer is paid back in full from the provider's bond by a `bond_slash`) or `rejected`
     * (they agree: the dispute fee `AITBC_DISPUTE_FEE` is recorded as owed by the customer), or
     * `unverifiable` (no other provider serves the model, or the runs cannot be compared: no fee,
     * no slash). Progress comes as `dispute` events on the job's stream.
     *
     */
    public createJobDispute<ThrowOnError extends boolean = true>(options: Options<CreateJobDisputeData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateJobDisputeResponses, CreateJobDisputeErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/disputes',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Register (or update) a miner
     *
     * Provider key. Registering again with the same `miner_id` updates it (only the provider
     * that owns a miner id may update it). `public_key` is the miner's ed25519 receipt-signing
     * key: receipts of jobs this miner runs must carry a `provider:<provider_id>` signature by
     * it. The answer carries the protocol timings and the chain id to put in receipts.
     *
     */
    public registerMiner<ThrowOnError extends boolean = true>(options: Options<RegisterMinerData, ThrowOnError>) {
        return (options.client ?? this.client).post<RegisterMinerResponses, RegisterMinerErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/miners/register',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Heartbeat; extends the leases of the jobs the miner runs
     *
     * The owning provider's key. Marks the miner online and extends the lease of every listed
     * job it still holds (`extended_job_ids`). Listed jobs it no longer holds (cancelled,
     * expired, or whose lease was lost) come back in `cancel_job_ids`: abort them.
     *
     */
    public heartbeatMiner<ThrowOnError extends boolean = true>(options: Options<HeartbeatMinerData, ThrowOnError>) {
        return (options.client ?? this.client).post<HeartbeatMinerResponses, HeartbeatMinerErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/miners/{miner_id}/heartbeat',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Claim the next job (long-poll, under a lease)
     *
     * The owning provider's key. Waits up to `wait_s` seconds (default 25, at most 30) for a
     * queued job on one of the provider's active services that this miner can run (inference:
     * the model is in the miner's `models`; other task types: in its `task_types`) and that
     * fits its `max_concurrency`. The job comes with a lease that heartbeats extend; an expired
     * lease puts the job back in the queue, and so does `releaseJob`. No job within `wait_s`:
     * 204. A miner that hangs up while its job is being claimed never gets the answer, so that
     * job goes straight back to the queue (as a release: it does not count as an attempt).
     *
     */
    public claimJob<ThrowOnError extends boolean = true>(options: Options<ClaimJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<ClaimJobResponses, ClaimJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/miners/{miner_id}/claim',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Stream progress (tokens, log lines) of a claimed job
     *
     * Provider key of the miner holding the lease. The first progress moves the job from
     * `assigned` to `running`. Each event becomes one `progress` event on the job's stream.
     * `cancelled: true` tells the miner to abort. A lease that expired or moved: 409
     * `lease_lost`.
     *
     */
    public reportJobProgress<ThrowOnError extends boolean = true>(options: Options<ReportJobProgressData, ThrowOnError>) {
        return (options.client ?? this.client).post<ReportJobProgressResponses, ReportJobProgressErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/progress',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Complete a claimed job with output, metering and the signed receipt
     *
     * Provider key of the miner holding the lease. The coordinator checks the receipt (ids,
     * chain id, `input_hash`, `output_hash` = sha256 of `output.text`, the miner's signature
     * with the key bound at registration, units/unit_price/cost against the job's pricing and
     * budget) and answers 422 `receipt_invalid` when anything is off; the job stays held. Then
     * it countersigns the receipt, stores it and releases the escrow: the provider gets `cost`,
     * the customer the rest. A late completion from an old lease: 409 `lease_lost`.
     *
     * Metering rule: `units` = execution seconds with 3 decimals (`duration_ms / 1000`),
     * `unit_type` = `gpu_seconds`, `unit_price` = the service's rate per hour in micro-AITBC,
     * `cost` = min(floor(unit_price × duration_ms ÷ 3,600,000), budget in micro-AITBC).
     *
     * Metering bounds (the miner's own figures are never trusted beyond what the coordinator
     * saw): `duration_ms` ≤ the time the coordinator observed between the claim and this
     * completion plus a tolerance (1,000 ms by default, `AITBC_METERING_TOLERANCE_MS`);
     * `tokens_out` ≤ the job's `max_tokens` and ≤ the UTF-8 bytes of `output.text` + 64;
     * `tokens_in` ≤ the UTF-8 bytes of the job's input (the prompt, or the canonical
     * requirements of a non-inference job) + 64. A receipt outside a bound is 422
     * `receipt_invalid` naming the field, and nothing is paid.
     *
     * Token-priced jobs (`pricing.unit_type` = `tokens`): `units` = `tokens_out` as an integer
     * string, `unit_type` = `tokens`, `unit_price` = micro-AITBC per 1,000 output tokens,
     * `input_unit_price` = micro-AITBC per 1,000 input tokens when input is priced (absent
     * otherwise), `tokens_in`/`tokens_out` present and equal to the metering, and
     * `cost` = min(ceil(unit_price × tokens_out ÷ 1,000) + ceil(input_unit_price × tokens_in ÷ 1,000),
     * budget): each part is rounded up to the next micro-AITBC. The billed counts are
     * checked: for a model whose tokenizer the coordinator knows (`aitbc-tiny:latest`) they
     * are the counts of `output.text` and of the prompt under that tokenizer, and a higher
     * count is 422 `receipt_invalid` naming `body.metering.tokens_out` (or `tokens_in`);
     * for any other model `tokens_out` is bounded by the job's `max_tokens` (128 when the job
     * gives none) and the bounds above.
     *
     */
    public completeJob<ThrowOnError extends boolean = true>(options: Options<CompleteJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<CompleteJobResponses, CompleteJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/complete',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Report that a claimed job failed
     *
     * Provider key of the miner holding the lease. The job fails (it is not retried) and the
     * customer's whole budget is refunded. A late report from an old lease: 409 `lease_lost`.
     *
     */
    public failJob<ThrowOnError extends boolean = true>(options: Options<FailJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<FailJobResponses, FailJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/fail',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Hand a claimed job back to the queue
     *
     * Provider key of the miner holding the lease, for a job it will not finish: the miner is
     * stopping (its grace period ran out, or a claim arrived while it was shutting down). The
     * lease ends now and the job is queued again at once, so another miner of the provider can
     * claim it without waiting for the lease to expire. The job's stream gets a `status` event
     * `queued` with reason `released`. Progress, complete or fail under the released lease
     * then get 409 `lease_lost`.
     *
     * A release does not count as an attempt: a lease that expires counts against
     * `AITBC_JOB_MAX_ATTEMPTS` (the job may be what kills its miners), but a miner that says it
     * is stopping has not been harmed by the job, and a customer's job must not fail because
     * miners restarted politely. The job's TTL still bounds how long it can go round.
     *
     * Another provider's job (or no such job): 404. A lease that expired, was released or
     * moved to another miner: 409 `lease_lost`. A job that ended in the meantime (cancelled,
     * expired, completed, failed): 409 `job_finished`. Nothing changes in either case.
     *
     */
    public releaseJob<ThrowOnError extends boolean = true>(options: Options<ReleaseJobData, ThrowOnError>) {
        return (options.client ?? this.client).post<ReleaseJobResponses, ReleaseJobErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/jobs/{job_id}/release',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Signed receipts, newest first
     *
     * A customer sees the receipts of its jobs, a provider those of jobs it ran, a tenant admin
     * those of its tenant, the platform admin all of them.
     *
     */
    public listReceipts<ThrowOnError extends boolean = true>(options?: Options<ListReceiptsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListReceiptsResponses, ListReceiptsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/receipts',
            ...options
        });
    }
    
    /**
     * The coordinator's public receipt keys (public)
     *
     * No key needed. Receipts carry a `coordinator:<id>` signature by one of these keys. The key
     * is generated on the first start and kept across restarts. After a rotation
     * (`POST /v1/admin/keys/rotate`) the old keys stay listed with `valid_until`, so older
     * receipts still verify; the current key has `valid_until: null`.
     *
     */
    public listKeys<ThrowOnError extends boolean = true>(options?: Options<ListKeysData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListKeysResponses, ListKeysErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/v1/keys',
            ...options
        });
    }
    
    /**
     * Miners with their provider, status, models and in-flight jobs
     *
     * Admin key (a tenant admin sees its tenant's providers' miners).
     */
    public listAdminMiners<ThrowOnError extends boolean = true>(options?: Options<ListAdminMinersData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListAdminMinersResponses, ListAdminMinersErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/miners',
            ...options
        });
    }
    
    /**
     * Jobs, filtered by status, newest first
     *
     * Admin key (a tenant admin sees its tenant's jobs).
     */
    public listAdminJobs<ThrowOnError extends boolean = true>(options?: Options<ListAdminJobsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListAdminJobsResponses, ListAdminJobsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/jobs',
            ...options
        });
    }
    
    /**
     * Marketplace statistics
     *
     * Admin key (a tenant admin sees its tenant's numbers). Jobs by status, money volume
     * (settled to providers, refunded, locked in open escrows) and miners online.
     *
     */
    public getAdminStats<ThrowOnError extends boolean = true>(options?: Options<GetAdminStatsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetAdminStatsResponses, GetAdminStatsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/stats',
            ...options
        });
    }
    
    /**
     * Requeue the items of a refused settlement batch (platform admin)
     *
     * Platform admin key only (a tenant admin gets 403). When the chain refuses a settlement
     * batch, the items it explains (a deposit too small for its owner's items, or every item for
     * any other reason) stay in the refused batch, still counted against their deposits and never
     * paid. Once the cause is dealt with (the customer added to the deposit, the node fixed), this
     * puts them back to owed, so the next batch pays them. Nothing was paid by the refused batch,
     * so a requeued item is still paid once. Repeating it requeues nothing more (`requeued: 0`).
     * 409 when the batch is not refused.
     *
     */
    public requeueSettlementBatch<ThrowOnError extends boolean = true>(options: Options<RequeueSettlementBatchData, ThrowOnError>) {
        return (options.client ?? this.client).post<RequeueSettlementBatchResponses, RequeueSettlementBatchErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/v1/admin/settlement-batches/{batch_id}/requeue',
            ...options
        });
    }
}
