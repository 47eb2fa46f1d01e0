// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type ClientOptions = {
    baseUrl: 'http://127.0.0.1:18000' | (string & {});
};

/**
 * AccountRole
 */
export type AccountRole = 'customer' | 'provider' | 'admin';

/**
 * Me
 */
export type Me = {
    id: Id;
    name: string;
    role: AccountRole;
    tenant_id: string;
    /**
     * The account's chain address; `null` for the platform admin key.
     */
    address: Address | null;
    /**
     * `true` for the platform admin key (every tenant).
     */
    platform_admin?: boolean;
};

/**
 * CreateAccountRequest
 */
export type CreateAccountRequest = {
    /**
     * A caller-chosen id, for example `customer-123` or `gpu-compute-pro`; generated when absent.
     */
    id?: Id;
    name: string;
    role: AccountRole;
    /**
     * Platform admin only. Default `default`.
     */
    tenant_id?: string;
};

/**
 * CreatedAccount
 */
export type CreatedAccount = {
    id: Id;
    name: string;
    role: AccountRole;
    tenant_id: string;
    /**
     * The account's API key. Shown only here; the coordinator stores a hash.
     */
    api_key: string;
    address: Address;
    created_at: Timestamp;
};

/**
 * ApiKeyStatus
 */
export type ApiKeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

/**
 * ApiKeyInfo
 */
export type ApiKeyInfo = {
    key_id: string;
    /**
     * The first characters of the key, to tell keys apart.
     */
    prefix: string;
    status: ApiKeyStatus;
    created_at: Timestamp;
    /**
     * When a rotated key stops working (`null` for a key without end).
     */
    expires_at: Timestamp | null;
    revoked_at: Timestamp | null;
};

/**
 * ApiKeyList
 */
export type ApiKeyList = {
    keys: Array<ApiKeyInfo>;
};

/**
 * RotateKeyRequest
 */
export type RotateKeyRequest = {
    /**
     * Revoke the key that made the call now instead of after the grace period.
     */
    revoke_current?: boolean;
};

/**
 * RotatedKey
 */
export type RotatedKey = {
    /**
     * The new API key. Shown only here; the coordinator stores a hash.
     */
    api_key: string;
    key: ApiKeyInfo;
    previous: ApiKeyInfo;
};

/**
 * ServiceSpecs
 */
export type ServiceSpecs = {
    gpu_type: string;
    /**
     * GPU memory as providers write it, for example `24GB`.
     */
    memory: string;
    cuda_cores?: number;
    supported_frameworks?: Array<string>;
    /**
     * Models the provider declares it can serve (for browsing; matching uses the models of online miners).
     */
    models?: Array<string>;
};

/**
 * PricingInput
 *
 * Either a price per GPU-hour (`rate_per_hour`; `unit_type` absent or `gpu_seconds`), or, for
 * LLM services, a price per 1,000 tokens: `unit_type: tokens` with
 * `price_per_1k_output_tokens` and optionally `price_per_1k_input_tokens` (input tokens are
 * free without it). A token price with `rate_per_hour`, or a `gpu_seconds` price without
 * it, is 400 `validation_failed`. All prices in AITBC with at most 6 decimals.
 *
 */
export type PricingInput = {
    /**
     * AITBC per GPU-hour, at most 6 decimals.
     */
    rate_per_hour?: number;
    currency: Currency;
    /**
     * What the service is metered by.
     */
    unit_type?: 'gpu_seconds' | 'tokens';
    /**
     * AITBC per 1,000 output tokens (`unit_type: tokens`).
     */
    price_per_1k_output_tokens?: number;
    /**
     * AITBC per 1,000 input tokens (`unit_type: tokens`); input is free when absent.
     */
    price_per_1k_input_tokens?: number;
};

/**
 * Pricing
 *
 * `gpu_seconds`: `rate_per_hour`, and `unit_price` = the rate per hour in micro-AITBC.
 * `tokens`: `price_per_1k_output_tokens` and `unit_price` = it in micro-AITBC, with
 * `price_per_1k_input_tokens` and `input_unit_price` when input tokens are priced; no
 * `rate_per_hour`.
 *
 */
export type Pricing = {
    rate_per_hour?: Amount;
    currency: Currency;
    unit_type: 'gpu_seconds' | 'tokens';
    /**
     * The price in micro-AITBC, as receipts carry it: per hour (`gpu_seconds`) or per
     * 1,000 output tokens (`tokens`).
     *
     */
    unit_price: MicroAmount;
    price_per_1k_output_tokens?: Amount;
    price_per_1k_input_tokens?: Amount;
    /**
     * Micro-AITBC per 1,000 input tokens, when input tokens are priced.
     */
    input_unit_price?: MicroAmount;
};

/**
 * Availability
 */
export type Availability = {
    start_time: Timestamp;
    end_time: Timestamp;
    /**
     * For display; the times themselves carry their offset.
     */
    timezone?: string;
};

/**
 * ServiceRegistration
 */
export type ServiceRegistration = {
    /**
     * Unique across the marketplace; generated when absent.
     */
    service_id?: Id;
    name: string;
    /**
     * For example `gpu_compute`.
     */
    type: string;
    description?: string;
    specs: ServiceSpecs;
    pricing: PricingInput;
    availability?: Availability;
};

/**
 * ServiceUpdate
 */
export type ServiceUpdate = {
    name?: string;
    description?: string;
    specs?: ServiceSpecs;
    pricing?: PricingInput;
    availability?: Availability;
    status?: 'active' | 'inactive';
};

/**
 * Service
 */
export type Service = {
    service_id: Id;
    provider_id: Id;
    name: string;
    type: string;
    description?: string;
    specs: ServiceSpecs;
    pricing: Pricing;
    /**
     * `null` when the provider gave no window (always available).
     */
    availability: Availability | null;
    status: 'active' | 'inactive';
    /**
     * Active and the availability window contains the current time.
     */
    available_now: boolean;
    /**
     * Models an online miner of the provider serves right now.
     */
    models: Array<string>;
    online_miners: number;
    rating_average: number | null;
    rating_count: number;
    created_at: Timestamp;
    updated_at: Timestamp;
    verification: VerificationCounts;
    hardware: ServiceHardware;
    bond: ServiceBond;
};

/**
 * ServiceHardware
 *
 * Whether an online miner of the provider has the hardware the service claims. A GPU claim
 * is verified when a miner reports a GPU whose name matches `specs.gpu_type` (case, spacing,
 * punctuation and the `NVIDIA`/`GeForce`/`AMD`/`Radeon` words do not count, nor does a size
 * such as `80GB` in the name; the claimed model number must match whole, so `A10` is not an
 * `A100`) with at least `specs.memory` of VRAM (5 % slack for what drivers report). A claim
 * without a GPU (`CPU only`, `none`) is verified by any online miner, against its RAM when
 * the miner reports it.
 *
 */
export type ServiceHardware = {
    verified: boolean;
    /**
     * Why the claim is verified or not, in words.
     */
    reason: string;
    /**
     * What the provider's online miners report.
     */
    detected: Array<DetectedHardware>;
    /**
     * Set when the last completed inference job that could be checked ran far slower than the
     * claimed GPU should (under a quarter of the expected tokens per second); `null`
     * otherwise.
     *
     */
    throughput_shortfall: ThroughputShortfall | null;
};

/**
 * DetectedHardware
 */
export type DetectedHardware = {
    miner_id: Id;
    gpu: MinerGpu | null;
    cpu: MinerCpu;
};

/**
 * ThroughputShortfall
 */
export type ThroughputShortfall = {
    job_id: string;
    miner_id: Id;
    /**
     * The entry of the coordinator's GPU table the claim matched, for example `RTX 4090`.
     */
    gpu_class: string;
    /**
     * Output tokens per second of wall-clock the miner reported.
     */
    tokens_per_s: number;
    /**
     * What the claimed GPU should reach on that model.
     */
    expected_tokens_per_s: number;
    checked_at: Timestamp;
};

/**
 * ServiceBond
 *
 * The provider's bond on chain as the coordinator last read it (a few seconds old at most).
 * `amount` is what an `active` bond holds; an unlocking bond counts as none, since it can be
 * released soon. `required` is the coordinator's minimum to list (0: none).
 *
 */
export type ServiceBond = {
    amount: Amount;
    amount_micro: MicroAmount;
    required: Amount;
    /**
     * The bond is at least `required`; a service whose bond fell below it is not matched.
     */
    meets_minimum: boolean;
};

/**
 * ServiceList
 */
export type ServiceList = {
    services: Array<Service>;
    page: PageInfo;
};

/**
 * RateServiceRequest
 */
export type RateServiceRequest = {
    rating: number;
    review?: string;
    /**
     * Must be the caller's id when given.
     */
    customer_id?: Id;
    /**
     * The completed job this review is about; default the most recent unreviewed one.
     */
    job_id?: Id;
};

/**
 * Review
 */
export type Review = {
    review_id: string;
    service_id: Id;
    provider_id: Id;
    customer_id: Id;
    job_id: string;
    rating: number;
    review: string | null;
    created_at: Timestamp;
};

/**
 * ReviewList
 */
export type ReviewList = {
    reviews: Array<Review>;
    page: PageInfo;
};

/**
 * ProviderReputation
 */
export type ProviderReputation = {
    provider_id: Id;
    name?: string;
    /**
     * Mean rating (1–5) of the provider's services, 2 decimals; `null` without reviews.
     */
    rating_average: number | null;
    rating_count: number;
    jobs_completed: number;
    jobs_failed: number;
    completion_rate: number | null;
    /**
     * Median execution time of completed jobs in seconds (3 decimals).
     */
    median_duration_s: number | null;
    services?: Array<string>;
    checks: VerificationCounts;
};

/**
 * VerificationCounts
 *
 * Re-executions of the provider's completed jobs (spot checks and disputes) that reached a
 * verdict: `checked` = `passed` + `failed`. Checks without an eligible verifier
 * (`unverifiable`) are not counted.
 *
 */
export type VerificationCounts = {
    checked: number;
    passed: number;
    failed: number;
};

/**
 * CreateDisputeRequest
 */
export type CreateDisputeRequest = {
    reason: string;
};

/**
 * DisputeStatus
 */
export type DisputeStatus = 'open' | 'rerunning' | 'upheld' | 'rejected' | 'unverifiable';

/**
 * DisputeSlash
 *
 * The `bond_slash` of an upheld dispute. `unbonded`: the provider had no bond to slash
 * (the failure still counts in its reputation).
 *
 */
export type DisputeSlash = {
    status: 'pending' | 'confirmed' | 'unbonded' | 'rejected';
    refund: Amount;
    penalty: Amount;
    tx_hash: string | null;
    block_height: number | null;
};

/**
 * Dispute
 */
export type Dispute = {
    dispute_id: string;
    job_id: string;
    customer_id: Id;
    provider_id: Id;
    reason: string;
    status: DisputeStatus;
    /**
     * Why the re-run agreed, disagreed or could not decide.
     */
    verdict: string | null;
    /**
     * The re-run job, once one was created.
     */
    rerun_job_id: string | null;
    /**
     * Upheld only; what the customer is paid back (what it paid for the job).
     */
    refund: Amount | null;
    /**
     * Rejected only; the dispute fee recorded as owed by the customer.
     */
    fee: Amount | null;
    slash: DisputeSlash | null;
    created_at: Timestamp;
    resolved_at: Timestamp | null;
};

/**
 * InferenceRequirements
 */
export type InferenceRequirements = {
    task_type: 'inference';
    /**
     * For example `aitbc-tiny:latest` or `llama3.2:latest`.
     */
    model: string;
    prompt: string;
    max_tokens?: number;
    /**
     * Sampling temperature. At 0 (the default) the executor always picks the most likely
     * token, so the output depends only on the model, the prompt and the executor.
     *
     */
    temperature?: number;
    /**
     * Seeds the sampler, so that a run at a temperature above 0 can be repeated exactly on
     * the same executor and model. Without it the miner draws one; either way the receipt
     * records the seed that was used.
     *
     */
    seed?: number;
    /**
     * Only services whose claimed hardware is verified (`hardware.verified` on the service).
     */
    verified_only?: boolean;
    /**
     * Only services whose provider has an active bond of at least this many AITBC.
     */
    min_bond?: number;
};

/**
 * WorkloadRequirements
 *
 * A job's workload description, for task types other than `inference`.
 */
export type WorkloadRequirements = {
    /**
     * For example `model_training`.
     */
    task_type: string;
    framework?: string;
    dataset_size?: string;
    estimated_duration?: string;
    /**
     * Only services whose claimed hardware is verified (`hardware.verified` on the service).
     */
    verified_only?: boolean;
    /**
     * Only services whose provider has an active bond of at least this many AITBC.
     */
    min_bond?: number;
};

/**
 * JobRequirements
 */
export type JobRequirements = InferenceRequirements | WorkloadRequirements;

/**
 * BudgetInput
 */
export type BudgetInput = {
    /**
     * The most this job may cost, in AITBC (at most 6 decimals). Reserved against the
     * customer's prepaid deposit or locked in escrow at create (see `funding`).
     *
     */
    max_cost: number;
    currency: Currency;
};

/**
 * CreateJobRequest
 */
export type CreateJobRequest = {
    /**
     * Run on this service; without it the coordinator picks the best match.
     */
    service_id?: Id;
    /**
     * Must be the caller's id when given.
     */
    customer_id?: Id;
    requirements: JobRequirements;
    budget: BudgetInput;
    /**
     * The job expires (and is refunded) if it is not finished by then.
     */
    ttl_seconds?: number;
    /**
     * Where the budget comes from. `deposit`: reserved against the customer's prepaid
     * deposit on the chain (`deposit_lock`), off-chain and at once, so the job is queued
     * without waiting for a block; 402 `deposit_insufficient` when the deposit's unreserved
     * part does not cover the budget or the deposit is not `active`. `escrow`: the budget is
     * locked in a per-job `escrow_lock` from the customer's balance, and the job is queued
     * once that transaction is in a block. `auto` (the default): the deposit when it covers
     * the budget, else escrow.
     *
     */
    funding?: 'auto' | 'deposit' | 'escrow';
};

/**
 * JobStatus
 */
export type JobStatus = 'queued' | 'assigned' | 'running' | 'completed' | 'failed' | 'expired' | 'cancelled';

/**
 * Budget
 */
export type Budget = {
    max_cost: Amount;
    max_cost_micro: MicroAmount;
    currency: Currency;
};

/**
 * JobPricing
 *
 * The service's price when the job was created; the job is metered with it.
 */
export type JobPricing = {
    unit_type: 'gpu_seconds' | 'tokens';
    /**
     * Micro-AITBC per hour (3,600 GPU-seconds) for `gpu_seconds`, per 1,000 output tokens
     * for `tokens`.
     *
     */
    unit_price: MicroAmount;
    /**
     * `gpu_seconds` only.
     */
    rate_per_hour?: Amount;
    /**
     * `tokens` only.
     */
    price_per_1k_output_tokens?: Amount;
    /**
     * `tokens` only, when input tokens are priced.
     */
    price_per_1k_input_tokens?: Amount;
    /**
     * Micro-AITBC per 1,000 input tokens, when input tokens are priced.
     */
    input_unit_price?: MicroAmount;
};

/**
 * Payment
 *
 * The job's budget and where it is held (`funding`). For an `escrow` job: `locked` until the
 * release or refund is confirmed on the chain, then `settled` (the provider got `paid`, the
 * customer `refund`) or `refunded` (everything back). For a `deposit` job the budget is
 * reserved against the customer's prepaid deposit: `locked` while the job runs and until
 * its pay is in a final settlement batch (`batch_id`, then `tx_hash` = the batch's
 * transaction), then `settled`; `refunded` at once when it ends unpaid, since nothing moved
 * on the chain; `lock_tx_hash` stays null. `paid` and `refund` are set as soon as they are
 * decided; `amount` = `paid` + `refund`.
 *
 */
export type Payment = {
    status: 'locked' | 'settled' | 'refunded';
    /**
     * `escrow`: a per-job escrow lock on the chain; `deposit`: reserved against the customer's prepaid deposit; `verification`: a re-run of another job (spot check or dispute), paid to its provider from the chain's verification pool, with no customer budget (`paid` is what the pool owes, `status` stays `locked`).
     */
    funding: 'escrow' | 'deposit' | 'verification';
    amount: Amount;
    paid: Amount | null;
    refund: Amount | null;
    lock_tx_hash: TxHash | null;
    /**
     * The escrow_release transaction (escrow) or the settlement_batch transaction (deposit), once confirmed.
     */
    tx_hash: TxHash | null;
    /**
     * The settlement batch that pays a deposit job; null until it is batched, and always for escrow.
     */
    batch_id: Id | null;
};

/**
 * JobFailure
 */
export type JobFailure = {
    /**
     * The miner's code (`executor_error`, `timeout`, `model_not_found`, `aborted`) or `lease_expired` after too many lost leases.
     */
    code: string;
    message: string;
};

/**
 * Job
 */
export type Job = {
    job_id: string;
    status: JobStatus;
    service_id: Id;
    provider_id: Id;
    customer_id: Id;
    tenant_id: string;
    miner_id: string | null;
    requirements: JobRequirements;
    budget: Budget;
    pricing: JobPricing;
    ttl_seconds: number;
    /**
     * How many leases have counted against the attempt limit (`AITBC_JOB_MAX_ATTEMPTS`):
     * every claim counts, and a lease handed back with `releaseJob` is taken off again.
     *
     */
    attempts: number;
    created_at: Timestamp;
    updated_at: Timestamp;
    assigned_at: Timestamp | null;
    started_at: Timestamp | null;
    finished_at: Timestamp | null;
    expires_at: Timestamp;
    payment: Payment;
    failure: JobFailure | null;
    /**
     * Things the customer should know, for example that no online miner advertises the job's task type yet.
     */
    notes: Array<string>;
};

/**
 * JobList
 */
export type JobList = {
    jobs: Array<Job>;
    page: PageInfo;
};

/**
 * JobOutput
 */
export type JobOutput = {
    text: string;
    finish_reason: 'stop' | 'length' | 'budget' | 'cancelled';
};

/**
 * Metering
 */
export type Metering = {
    /**
     * Wall-clock execution time in milliseconds. On completion it must not exceed the
     * time the coordinator observed between the claim and the completion plus the
     * metering tolerance (1,000 ms by default); more is 422 `receipt_invalid`.
     *
     */
    duration_ms: number;
    /**
     * Input tokens. On completion at most the UTF-8 bytes of the job's input + 64;
     * more is 422 `receipt_invalid`.
     *
     */
    tokens_in: number;
    /**
     * Output tokens. On completion at most the job's `max_tokens` and at most the UTF-8
     * bytes of `output.text` + 64; more is 422 `receipt_invalid`.
     *
     */
    tokens_out: number;
};

/**
 * JobResult
 */
export type JobResult = {
    output: JobOutput;
    metering: Metering;
    model: string | null;
    miner_id: string;
};

/**
 * JobResults
 */
export type JobResults = {
    job_id: string;
    status: JobStatus;
    result: JobResult | null;
    receipt: Receipt | null;
    /**
     * `sha256:<hex>` of the canonical JSON of the whole receipt; anchored in the escrow_release.
     */
    receipt_hash: string | null;
    payment: Payment;
    failure: JobFailure | null;
    /**
     * For a deposit-funded job once its receipt is in a settlement batch: the batch, the Merkle
     * root it anchors on chain and this receipt's inclusion proof. Check the proof against the
     * root the node reports for the batch (`GET /api/v1/settlements/{batch_id}`), not this one;
     * the SDK's `checkReceiptInclusion` does both. Null for escrow-funded jobs and before batching.
     *
     */
    settlement?: ReceiptSettlement | null;
};

/**
 * ReceiptSettlement
 */
export type ReceiptSettlement = {
    batch_id: Id;
    /**
     * The Merkle root of the batch's receipt hashes, as the coordinator computed it.
     */
    receipts_root: string;
    /**
     * This receipt's position among the batch's leaves.
     */
    leaf_index: number;
    /**
     * The sibling hashes from this receipt's leaf up to the root (`verifyMerkleProof`).
     */
    proof: Array<MerkleStep>;
    /**
     * The block holding the batch once it is final; null before.
     */
    block_height: number | null;
    /**
     * The `settlement_batch` transaction once signed; null before.
     */
    tx_hash: TxHash | null;
};

/**
 * MerkleStep
 */
export type MerkleStep = {
    /**
     * Which side the sibling sits on when hashing towards the root.
     */
    side: 'left' | 'right';
    hash: string;
};

/**
 * MinerModel
 */
export type MinerModel = {
    /**
     * For example `aitbc-tiny:latest`.
     */
    name: string;
    digest: string;
    size_bytes?: number;
    /**
     * For example `random-weight test model`.
     */
    label?: string;
};

/**
 * MinerGpu
 */
export type MinerGpu = {
    name: string;
    memory_mb: number;
    count: number;
};

/**
 * MinerCpu
 */
export type MinerCpu = {
    model: string;
    cores: number;
    /**
     * The machine's RAM in MiB. Optional; miners before it was reported leave it out.
     */
    memory_mb?: number;
};

/**
 * MinerCapabilities
 */
export type MinerCapabilities = {
    executor: 'ollama' | 'llamacpp';
    gpu: MinerGpu | null;
    cpu: MinerCpu;
    models: Array<MinerModel>;
    task_types: Array<string>;
    max_concurrency: number;
};

/**
 * RegisterMinerRequest
 */
export type RegisterMinerRequest = {
    /**
     * Keep it across restarts; generated when absent.
     */
    miner_id?: Id;
    name: string;
    public_key: PublicKey;
    capabilities: MinerCapabilities;
};

/**
 * MinerRegistration
 */
export type MinerRegistration = {
    miner_id: Id;
    provider_id: Id;
    /**
     * Send a heartbeat this often; a miner silent for three intervals is offline.
     */
    heartbeat_interval_s: number;
    /**
     * A lease lasts this long after the claim or the last heartbeat.
     */
    lease_ttl_s: number;
    claim_wait_max_s: number;
    /**
     * Put this in receipts.
     */
    chain_id: string;
};

/**
 * HeartbeatRequest
 */
export type HeartbeatRequest = {
    active_job_ids: Array<string>;
};

/**
 * HeartbeatResponse
 */
export type HeartbeatResponse = {
    cancel_job_ids: Array<string>;
    extended_job_ids: Array<string>;
    server_time: Timestamp;
};

/**
 * ClaimRequest
 */
export type ClaimRequest = {
    wait_s?: number;
};

/**
 * ClaimedJob
 */
export type ClaimedJob = {
    job_id: string;
    service_id: Id;
    provider_id: Id;
    customer_id: Id;
    requirements: JobRequirements;
    budget: {
        max_cost: Amount;
        max_cost_micro: MicroAmount;
    };
    pricing: {
        unit_type: 'gpu_seconds' | 'tokens';
        /**
         * Micro-AITBC per hour (`gpu_seconds`) or per 1,000 output tokens (`tokens`).
         */
        unit_price: MicroAmount;
        /**
         * Micro-AITBC per 1,000 input tokens (`tokens`, when input tokens are priced).
         */
        input_unit_price?: MicroAmount;
    };
    expires_at: Timestamp;
    chain_id: string;
};

/**
 * Lease
 */
export type Lease = {
    lease_id: string;
    expires_at: Timestamp;
    ttl_s: number;
};

/**
 * Claim
 */
export type Claim = {
    job: ClaimedJob;
    lease: Lease;
};

/**
 * ProgressEvent
 */
export type ProgressEvent = {
    kind: 'token' | 'log';
    text: string;
};

/**
 * ProgressRequest
 */
export type ProgressRequest = {
    lease_id: string;
    events: Array<ProgressEvent>;
};

/**
 * ProgressAccepted
 */
export type ProgressAccepted = {
    accepted: number;
    cancelled: boolean;
};

/**
 * CompleteJobRequest
 */
export type CompleteJobRequest = {
    lease_id: string;
    output: JobOutput;
    metering: Metering;
    receipt: Receipt;
};

/**
 * CompleteJobResponse
 */
export type CompleteJobResponse = {
    job_id: string;
    status: 'completed';
    receipt: Receipt;
    receipt_hash: string;
    payment: Payment;
};

/**
 * FailJobRequest
 */
export type FailJobRequest = {
    lease_id: string;
    /**
     * For example `executor_error`, `timeout`, `model_not_found`, `aborted`.
     */
    code: string;
    message: string;
};

/**
 * FailJobResponse
 */
export type FailJobResponse = {
    job_id: string;
    status: 'failed';
    payment: Payment;
};

/**
 * ReleaseJobRequest
 */
export type ReleaseJobRequest = {
    lease_id: string;
    /**
     * Why the miner lets the job go, for the coordinator's log (not shown to the customer).
     */
    reason?: string;
};

/**
 * ReleaseJobResponse
 */
export type ReleaseJobResponse = {
    job_id: string;
    status: 'queued';
};

/**
 * ReceiptEntry
 */
export type ReceiptEntry = {
    job_id: string;
    receipt_hash: string;
    created_at: Timestamp;
    /**
     * The escrow_release that anchored this receipt, once confirmed.
     */
    payment_tx_hash: TxHash | null;
    receipt: Receipt;
    /**
     * For a deposit-funded job once its receipt is in a settlement batch: the batch, the Merkle
     * root it anchors on chain and this receipt's inclusion proof. Check the proof against the
     * root the node reports for the batch (`GET /api/v1/settlements/{batch_id}`), not this one;
     * the SDK's `checkReceiptInclusion` does both. Null for escrow-funded jobs and before batching.
     *
     */
    settlement?: ReceiptSettlement | null;
};

/**
 * ReceiptList
 */
export type ReceiptList = {
    receipts: Array<ReceiptEntry>;
    page: PageInfo;
};

/**
 * CoordinatorKey
 */
export type CoordinatorKey = {
    /**
     * `coordinator:` and the first 16 hex characters of sha256(public key).
     */
    key_id: string;
    valid_from: Timestamp;
    /**
     * When a rotation replaced this key (`null` for the current key).
     */
    valid_until: Timestamp | null;
    alg: 'ed25519';
    public_key: PublicKey;
    use: 'receipt_attestation';
    created_at: Timestamp;
};

/**
 * KeyList
 */
export type KeyList = {
    keys: Array<CoordinatorKey>;
};

/**
 * AdminMiner
 */
export type AdminMiner = {
    miner_id: Id;
    provider_id: Id;
    name: string;
    status: 'online' | 'offline';
    executor: 'ollama' | 'llamacpp';
    gpu: MinerGpu | null;
    cpu: MinerCpu;
    models: Array<MinerModel>;
    task_types: Array<string>;
    max_concurrency: number;
    active_job_ids: Array<string>;
    public_key: PublicKey;
    last_heartbeat_at: Timestamp;
    registered_at: Timestamp;
};

/**
 * AdminMinerList
 */
export type AdminMinerList = {
    miners: Array<AdminMiner>;
    page: PageInfo;
};

/**
 * AdminStats
 */
export type AdminStats = {
    jobs_by_status: {
        queued: number;
        assigned: number;
        running: number;
        completed: number;
        failed: number;
        expired: number;
        cancelled: number;
    };
    jobs_total: number;
    /**
     * Paid to providers, refunded to customers, and still locked in open escrows.
     */
    volume: {
        settled: Amount;
        settled_micro: MicroAmount;
        refunded: Amount;
        refunded_micro: MicroAmount;
        locked: Amount;
        locked_micro: MicroAmount;
        currency: Currency;
    };
    miners: {
        online: number;
        total: number;
    };
    services: {
        active: number;
        total: number;
    };
    accounts: {
        customer: number;
        provider: number;
        admin: number;
    };
    generated_at: Timestamp;
};

/**
 * SettlementBatchRequeue
 */
export type SettlementBatchRequeue = {
    batch_id: Id;
    /**
     * The batch's own status, which stays `refused`.
     */
    status: 'refused';
    /**
     * How many of its items went back to owed now.
     */
    requeued: number;
    /**
     * The jobs whose reservations went back to owed now.
     */
    job_ids: Array<Id>;
    /**
     * Why the chain refused the batch.
     */
    last_error: string | null;
};

/**
 * Health
 */
export type Health = {
    status: 'ok' | 'degraded';
    service: string;
    version: string;
    /**
     * Per-dependency status, for example `database`, `chain`.
     */
    checks?: {
        [key: string]: 'ok' | 'degraded' | 'down';
    };
    [key: string]: unknown;
};

/**
 * FieldError
 */
export type FieldError = {
    /**
     * Where the bad value is, for example `body.budget.max_cost` or `query.limit`.
     */
    field: string;
    message: string;
    code?: string;
};

/**
 * MatchReason
 *
 * One filter of the matcher and the services it excluded.
 */
export type MatchReason = {
    /**
     * The filter that excluded the services, for example `model`, `max_price`, `availability`, `online_miner`, `budget`.
     */
    filter: string;
    message: string;
    /**
     * The ids of the services this filter excluded.
     */
    excluded: Array<string>;
};

/**
 * Problem
 *
 * An RFC 9457 problem details object. Every 4xx/5xx response of every AITBC service uses it,
 * served as `application/problem+json`. Clients branch on `code` (stable, snake_case), never on
 * `title` or `detail`, which are for humans. See `spec/common/problem-codes.md` for the registry.
 *
 */
export type Problem = {
    /**
     * A URI reference that identifies the problem type.
     */
    type: string;
    /**
     * A short, human-readable summary of the problem type.
     */
    title: string;
    /**
     * The HTTP status code of this occurrence.
     */
    status: number;
    /**
     * Stable machine-readable problem code.
     */
    code: string;
    /**
     * A human-readable explanation of this occurrence, saying what to do next.
     */
    detail?: string;
    /**
     * The request path of this occurrence.
     */
    instance?: string;
    /**
     * The request id, also returned in the `X-Request-Id` header.
     */
    request_id?: string;
    /**
     * Field-level errors for `validation_failed`.
     */
    errors?: Array<FieldError>;
    /**
     * Why nothing matched, for `no_matching_service` (which filter excluded which services).
     */
    reasons?: Array<MatchReason>;
    /**
     * For `rate_limited` and `unavailable`, seconds to wait before retrying.
     */
    retry_after_s?: number;
    [key: string]: unknown;
};

/**
 * Id
 *
 * An identifier chosen by a caller or generated by a server. Lowercase letters, digits, `-`, `_`, `.` and `:`.
 */
export type Id = string;

/**
 * Address
 *
 * A chain address, `aitbc` followed by the hex of the first 20 bytes of sha256(ed25519 public key).
 */
export type Address = string;

/**
 * Timestamp
 *
 * An RFC 3339 date-time in UTC.
 */
export type Timestamp = string;

/**
 * PublicKey
 *
 * A raw 32-byte ed25519 public key, base64url without padding.
 */
export type PublicKey = string;

/**
 * Currency
 */
export type Currency = 'AITBC';

/**
 * Amount
 *
 * An amount of AITBC as a JSON number with at most 6 decimal places (1 AITBC = 1,000,000 micro-AITBC).
 * Implementations must convert it to integer micro-AITBC without floating-point arithmetic
 * (parse the number's decimal text) and reject more than 6 decimals with `validation_failed`.
 *
 */
export type Amount = number;

/**
 * MicroAmount
 *
 * An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).
 */
export type MicroAmount = string;

/**
 * PageInfo
 *
 * Cursor paging. Pass `next_cursor` back as `cursor` for the next page; `null` means the last page. Order is stable.
 */
export type PageInfo = {
    limit: number;
    next_cursor: string | null;
};

/**
 * TxHash
 *
 * `0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the signed transaction.
 */
export type TxHash = string;

/**
 * Signature
 *
 * An ed25519 signature over the RFC 8785 canonical JSON of the signed object without its `signatures`.
 */
export type Signature = {
    alg: 'ed25519';
    /**
     * Who signed, for example `provider:gpu-compute-pro` or `coordinator:2026-11`.
     */
    key_id: string;
    public_key: PublicKey;
    /**
     * The raw 64-byte signature, base64url without padding.
     */
    sig: string;
};

/**
 * Receipt
 *
 * A signed record of one job's execution. The signing input is the RFC 8785 (JCS) canonical JSON of
 * the receipt without `signatures`. The miner signs with its provider's key, then the coordinator
 * adds its attestation with a key published at `GET /v1/keys`. The receipt hash anchored on chain
 * is the hex sha256 of the JCS of the whole receipt, signatures included.
 * Test vectors: `spec/receipts/vectors/`.
 *
 */
export type Receipt = {
    receipt_id: string;
    job_id: string;
    service_id: string;
    provider_id: string;
    customer_id: string;
    miner_id?: string;
    /**
     * The model name as served, for example `aitbc-tiny:latest`.
     */
    model: string;
    /**
     * `sha256:` and the hex digest of the model file (GGUF) or the Ollama model digest.
     */
    model_digest?: string;
    /**
     * `sha256:` and the hex digest of the UTF-8 prompt (or the canonical JSON of the requirements).
     */
    input_hash: string;
    /**
     * `sha256:` and the hex digest of the UTF-8 output.
     */
    output_hash: string;
    /**
     * The metered quantity as a decimal string (for `gpu_seconds`, with up to 3 decimals).
     */
    units: string;
    unit_type: 'gpu_seconds' | 'tokens';
    /**
     * The service's price in micro-AITBC: per hour (3,600 GPU-seconds) when `unit_type` is
     * `gpu_seconds`, per 1,000 output tokens when it is `tokens` (then `units` = `tokens_out`).
     * The cost is floor(unit_price × units ÷ 3600) for `gpu_seconds`, and
     * ceil(unit_price × tokens_out ÷ 1000) + ceil(input_unit_price × tokens_in ÷ 1000) for
     * `tokens` (each part rounded up to the next micro-AITBC), capped at the job's budget.
     *
     */
    unit_price: MicroAmount;
    /**
     * `tokens` only: micro-AITBC per 1,000 input tokens, when the service prices input; input
     * tokens are free when absent.
     *
     */
    input_unit_price?: MicroAmount;
    /**
     * What the customer pays, in micro-AITBC. Never above the job's budget.
     */
    cost: MicroAmount;
    tokens_in?: number;
    tokens_out?: number;
    /**
     * The seed the sampler ran with (the job's, or one the miner drew).
     */
    seed?: number;
    /**
     * The sampling temperature the executor ran with, as a decimal string (the shortest form of
     * the number, as JSON writes it: `"0"`, `"0.8"`), so the signed bytes are exact.
     *
     */
    temperature?: string;
    /**
     * The executor that ran the model, for example `llamacpp` or `ollama`.
     */
    executor?: string;
    /**
     * Its version and backend, for example `node-llama-cpp 3.21.1; llama.cpp b6000; cpu`: two runs
     * agree byte for byte only on the same executor, version and model digest.
     *
     */
    executor_version?: string;
    started_at: Timestamp;
    completed_at: Timestamp;
    chain_id: string;
    signatures: Array<Signature>;
};

/**
 * The id of an API key (from a key listing), not the key itself.
 */
export type ApiKeyId = string;

export type AccountId = Id;

/**
 * The service id, for example `gpu-compute-001`.
 */
export type ServiceId = Id;

/**
 * The job id (32 lowercase hex characters).
 */
export type JobId = Id;

/**
 * The miner id returned by `registerMiner`.
 */
export type MinerId = Id;

/**
 * Only jobs in this state.
 */
export type JobStatusFilter = JobStatus;

/**
 * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
 */
export type IdempotencyKey = string;

/**
 * Page size.
 */
export type Limit = number;

/**
 * The `next_cursor` of the previous page.
 */
export type Cursor = string;

export type GetHealthData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/health';
};

export type GetHealthErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetHealthError = GetHealthErrors[keyof GetHealthErrors];

export type GetHealthResponses = {
    /**
     * The service is up.
     */
    200: Health;
};

export type GetHealthResponse = GetHealthResponses[keyof GetHealthResponses];

export type GetMeData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/me';
};

export type GetMeErrors = {
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetMeError = GetMeErrors[keyof GetMeErrors];

export type GetMeResponses = {
    /**
     * The caller.
     */
    200: Me;
};

export type GetMeResponse = GetMeResponses[keyof GetMeResponses];

export type CreateAccountData = {
    body: CreateAccountRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/v1/admin/accounts';
};

export type CreateAccountErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type CreateAccountError = CreateAccountErrors[keyof CreateAccountErrors];

export type CreateAccountResponses = {
    /**
     * The account, with its API key.
     */
    201: CreatedAccount;
};

export type CreateAccountResponse = CreateAccountResponses[keyof CreateAccountResponses];

export type ListMyKeysData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/me/keys';
};

export type ListMyKeysErrors = {
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListMyKeysError = ListMyKeysErrors[keyof ListMyKeysErrors];

export type ListMyKeysResponses = {
    /**
     * The account's keys.
     */
    200: ApiKeyList;
};

export type ListMyKeysResponse = ListMyKeysResponses[keyof ListMyKeysResponses];

export type RotateMyKeyData = {
    body?: RotateKeyRequest;
    path?: never;
    query?: never;
    url: '/v1/me/keys';
};

export type RotateMyKeyErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RotateMyKeyError = RotateMyKeyErrors[keyof RotateMyKeyErrors];

export type RotateMyKeyResponses = {
    /**
     * The new key, and what happened to the one that made the call.
     */
    201: RotatedKey;
};

export type RotateMyKeyResponse = RotateMyKeyResponses[keyof RotateMyKeyResponses];

export type RevokeMyKeyData = {
    body?: never;
    path: {
        /**
         * The id of an API key (from a key listing), not the key itself.
         */
        key_id: string;
    };
    query?: never;
    url: '/v1/me/keys/{key_id}/revoke';
};

export type RevokeMyKeyErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RevokeMyKeyError = RevokeMyKeyErrors[keyof RevokeMyKeyErrors];

export type RevokeMyKeyResponses = {
    /**
     * The revoked key.
     */
    200: ApiKeyInfo;
};

export type RevokeMyKeyResponse = RevokeMyKeyResponses[keyof RevokeMyKeyResponses];

export type ListAccountKeysData = {
    body?: never;
    path: {
        account_id: Id;
    };
    query?: never;
    url: '/v1/admin/accounts/{account_id}/keys';
};

export type ListAccountKeysErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListAccountKeysError = ListAccountKeysErrors[keyof ListAccountKeysErrors];

export type ListAccountKeysResponses = {
    /**
     * The account's keys.
     */
    200: ApiKeyList;
};

export type ListAccountKeysResponse = ListAccountKeysResponses[keyof ListAccountKeysResponses];

export type RevokeAccountKeyData = {
    body?: never;
    path: {
        account_id: Id;
        /**
         * The id of an API key (from a key listing), not the key itself.
         */
        key_id: string;
    };
    query?: never;
    url: '/v1/admin/accounts/{account_id}/keys/{key_id}/revoke';
};

export type RevokeAccountKeyErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RevokeAccountKeyError = RevokeAccountKeyErrors[keyof RevokeAccountKeyErrors];

export type RevokeAccountKeyResponses = {
    /**
     * The revoked key.
     */
    200: ApiKeyInfo;
};

export type RevokeAccountKeyResponse = RevokeAccountKeyResponses[keyof RevokeAccountKeyResponses];

export type RotateReceiptKeyData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/admin/keys/rotate';
};

export type RotateReceiptKeyErrors = {
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RotateReceiptKeyError = RotateReceiptKeyErrors[keyof RotateReceiptKeyErrors];

export type RotateReceiptKeyResponses = {
    /**
     * The new current key.
     */
    201: CoordinatorKey;
};

export type RotateReceiptKeyResponse = RotateReceiptKeyResponses[keyof RotateReceiptKeyResponses];

export type RegisterServiceData = {
    body: ServiceRegistration;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/v1/services/register';
};

export type RegisterServiceErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Unprocessable (unprocessable).
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type RegisterServiceError = RegisterServiceErrors[keyof RegisterServiceErrors];

export type RegisterServiceResponses = {
    /**
     * The registered service.
     */
    201: Service;
};

export type RegisterServiceResponse = RegisterServiceResponses[keyof RegisterServiceResponses];

export type ListServicesData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Service type, for example `gpu_compute`.
         */
        type?: string;
        /**
         * Lowest `rate_per_hour` in AITBC.
         */
        min_price?: number;
        /**
         * Highest `rate_per_hour` in AITBC.
         */
        max_price?: number;
        /**
         * Only services whose availability window contains the current time.
         */
        available_now?: boolean;
        /**
         * Only services an online miner can run this model on, for example `aitbc-tiny:latest`.
         */
        model?: string;
        /**
         * Only services listing this framework, for example `PyTorch`.
         */
        framework?: string;
        /**
         * Only this provider's services.
         */
        provider_id?: Id;
        /**
         * `active` (default), `inactive` or `all`.
         */
        status?: 'active' | 'inactive' | 'all';
        /**
         * Only services whose claimed hardware is verified (`hardware.verified`).
         */
        verified_only?: boolean;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
        /**
         * Only services metered this way (`gpu_seconds` per hour, `tokens` per 1,000 tokens).
         */
        unit_type?: 'gpu_seconds' | 'tokens';
        /**
         * Only token-priced services whose `price_per_1k_output_tokens` is at most this, in AITBC
         * (services priced per hour have no such price and are left out).
         *
         */
        max_price_per_1k_tokens?: number;
        /**
         * Only services whose provider has an active bond of at least this many AITBC.
         */
        min_bond?: number;
    };
    url: '/v1/services';
};

export type ListServicesErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListServicesError = ListServicesErrors[keyof ListServicesErrors];

export type ListServicesResponses = {
    /**
     * One page of services.
     */
    200: ServiceList;
};

export type ListServicesResponse = ListServicesResponses[keyof ListServicesResponses];

export type DeactivateServiceData = {
    body?: never;
    path: {
        /**
         * The service id, for example `gpu-compute-001`.
         */
        service_id: Id;
    };
    query?: never;
    url: '/v1/services/{service_id}';
};

export type DeactivateServiceErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type DeactivateServiceError = DeactivateServiceErrors[keyof DeactivateServiceErrors];

export type DeactivateServiceResponses = {
    /**
     * The deactivated service.
     */
    200: Service;
};

export type DeactivateServiceResponse = DeactivateServiceResponses[keyof DeactivateServiceResponses];

export type GetServiceData = {
    body?: never;
    path: {
        /**
         * The service id, for example `gpu-compute-001`.
         */
        service_id: Id;
    };
    query?: never;
    url: '/v1/services/{service_id}';
};

export type GetServiceErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetServiceError = GetServiceErrors[keyof GetServiceErrors];

export type GetServiceResponses = {
    /**
     * The service.
     */
    200: Service;
};

export type GetServiceResponse = GetServiceResponses[keyof GetServiceResponses];

export type UpdateServiceData = {
    body: ServiceUpdate;
    path: {
        /**
         * The service id, for example `gpu-compute-001`.
         */
        service_id: Id;
    };
    query?: never;
    url: '/v1/services/{service_id}';
};

export type UpdateServiceErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Unprocessable (unprocessable).
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type UpdateServiceError = UpdateServiceErrors[keyof UpdateServiceErrors];

export type UpdateServiceResponses = {
    /**
     * The updated service.
     */
    200: Service;
};

export type UpdateServiceResponse = UpdateServiceResponses[keyof UpdateServiceResponses];

export type RateServiceData = {
    body: RateServiceRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path: {
        /**
         * The service id, for example `gpu-compute-001`.
         */
        service_id: Id;
    };
    query?: never;
    url: '/v1/services/{service_id}/rate';
};

export type RateServiceErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Unprocessable (unprocessable).
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RateServiceError = RateServiceErrors[keyof RateServiceErrors];

export type RateServiceResponses = {
    /**
     * The review.
     */
    201: Review;
};

export type RateServiceResponse = RateServiceResponses[keyof RateServiceResponses];

export type ListServiceReviewsData = {
    body?: never;
    path: {
        /**
         * The service id, for example `gpu-compute-001`.
         */
        service_id: Id;
    };
    query?: {
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/v1/services/{service_id}/reviews';
};

export type ListServiceReviewsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListServiceReviewsError = ListServiceReviewsErrors[keyof ListServiceReviewsErrors];

export type ListServiceReviewsResponses = {
    /**
     * One page of reviews.
     */
    200: ReviewList;
};

export type ListServiceReviewsResponse = ListServiceReviewsResponses[keyof ListServiceReviewsResponses];

export type GetProviderReputationData = {
    body?: never;
    path: {
        /**
         * The provider's account id, for example `gpu-compute-pro`.
         */
        provider_id: Id;
    };
    query?: never;
    url: '/v1/providers/{provider_id}/reputation';
};

export type GetProviderReputationErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetProviderReputationError = GetProviderReputationErrors[keyof GetProviderReputationErrors];

export type GetProviderReputationResponses = {
    /**
     * The reputation.
     */
    200: ProviderReputation;
};

export type GetProviderReputationResponse = GetProviderReputationResponses[keyof GetProviderReputationResponses];

export type CreateJobData = {
    body: CreateJobRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/v1/jobs/create';
};

export type CreateJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not enough balance for the escrow (insufficient_funds), or not enough unreserved prepaid
     * deposit for a job with `funding: deposit` (deposit_insufficient). Nothing was created or moved.
     *
     */
    402: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * No service can run the job (no_matching_service, with `reasons`), or the request cannot be
     * carried out (for example `unprocessable`).
     *
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
    /**
     * A dependency did not answer in time (timeout), for example the escrow lock was not included in a block.
     */
    504: Problem;
};

export type CreateJobError = CreateJobErrors[keyof CreateJobErrors];

export type CreateJobResponses = {
    /**
     * The job, queued with its budget locked.
     */
    201: Job;
};

export type CreateJobResponse = CreateJobResponses[keyof CreateJobResponses];

export type ListJobsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only jobs in this state.
         */
        status?: JobStatus;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/v1/jobs';
};

export type ListJobsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListJobsError = ListJobsErrors[keyof ListJobsErrors];

export type ListJobsResponses = {
    /**
     * One page of jobs.
     */
    200: JobList;
};

export type ListJobsResponse = ListJobsResponses[keyof ListJobsResponses];

export type GetJobStatusData = {
    body?: never;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/status';
};

export type GetJobStatusErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetJobStatusError = GetJobStatusErrors[keyof GetJobStatusErrors];

export type GetJobStatusResponses = {
    /**
     * The job.
     */
    200: Job;
};

export type GetJobStatusResponse = GetJobStatusResponses[keyof GetJobStatusResponses];

export type GetJobResultsData = {
    body?: never;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/results';
};

export type GetJobResultsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetJobResultsError = GetJobResultsErrors[keyof GetJobResultsErrors];

export type GetJobResultsResponses = {
    /**
     * The results.
     */
    200: JobResults;
};

export type GetJobResultsResponse = GetJobResultsResponses[keyof GetJobResultsResponses];

export type CancelJobData = {
    body?: never;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/cancel';
};

export type CancelJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type CancelJobError = CancelJobErrors[keyof CancelJobErrors];

export type CancelJobResponses = {
    /**
     * The cancelled job.
     */
    200: Job;
};

export type CancelJobResponse = CancelJobResponses[keyof CancelJobResponses];

export type GetJobDisputeData = {
    body?: never;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/disputes';
};

export type GetJobDisputeErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetJobDisputeError = GetJobDisputeErrors[keyof GetJobDisputeErrors];

export type GetJobDisputeResponses = {
    /**
     * The dispute.
     */
    200: Dispute;
};

export type GetJobDisputeResponse = GetJobDisputeResponses[keyof GetJobDisputeResponses];

export type CreateJobDisputeData = {
    body: CreateDisputeRequest;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/disputes';
};

export type CreateJobDisputeErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Unprocessable (unprocessable).
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type CreateJobDisputeError = CreateJobDisputeErrors[keyof CreateJobDisputeErrors];

export type CreateJobDisputeResponses = {
    /**
     * The dispute, open.
     */
    201: Dispute;
};

export type CreateJobDisputeResponse = CreateJobDisputeResponses[keyof CreateJobDisputeResponses];

export type RegisterMinerData = {
    body: RegisterMinerRequest;
    path?: never;
    query?: never;
    url: '/v1/miners/register';
};

export type RegisterMinerErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RegisterMinerError = RegisterMinerErrors[keyof RegisterMinerErrors];

export type RegisterMinerResponses = {
    /**
     * The miner is registered.
     */
    200: MinerRegistration;
};

export type RegisterMinerResponse = RegisterMinerResponses[keyof RegisterMinerResponses];

export type HeartbeatMinerData = {
    body: HeartbeatRequest;
    path: {
        /**
         * The miner id returned by `registerMiner`.
         */
        miner_id: Id;
    };
    query?: never;
    url: '/v1/miners/{miner_id}/heartbeat';
};

export type HeartbeatMinerErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type HeartbeatMinerError = HeartbeatMinerErrors[keyof HeartbeatMinerErrors];

export type HeartbeatMinerResponses = {
    /**
     * The heartbeat was recorded.
     */
    200: HeartbeatResponse;
};

export type HeartbeatMinerResponse = HeartbeatMinerResponses[keyof HeartbeatMinerResponses];

export type ClaimJobData = {
    body?: ClaimRequest;
    path: {
        /**
         * The miner id returned by `registerMiner`.
         */
        miner_id: Id;
    };
    query?: never;
    url: '/v1/miners/{miner_id}/claim';
};

export type ClaimJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ClaimJobError = ClaimJobErrors[keyof ClaimJobErrors];

export type ClaimJobResponses = {
    /**
     * A job and its lease.
     */
    200: Claim;
    /**
     * No job arrived within `wait_s`.
     */
    204: void;
};

export type ClaimJobResponse = ClaimJobResponses[keyof ClaimJobResponses];

export type ReportJobProgressData = {
    body: ProgressRequest;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/progress';
};

export type ReportJobProgressErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ReportJobProgressError = ReportJobProgressErrors[keyof ReportJobProgressErrors];

export type ReportJobProgressResponses = {
    /**
     * The events were accepted.
     */
    200: ProgressAccepted;
};

export type ReportJobProgressResponse = ReportJobProgressResponses[keyof ReportJobProgressResponses];

export type CompleteJobData = {
    body: CompleteJobRequest;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/complete';
};

export type CompleteJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Unprocessable (unprocessable).
     */
    422: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type CompleteJobError = CompleteJobErrors[keyof CompleteJobErrors];

export type CompleteJobResponses = {
    /**
     * The job is completed; the receipt is countersigned.
     */
    200: CompleteJobResponse;
};

export type CompleteJobResponse2 = CompleteJobResponses[keyof CompleteJobResponses];

export type FailJobData = {
    body: FailJobRequest;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/fail';
};

export type FailJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type FailJobError = FailJobErrors[keyof FailJobErrors];

export type FailJobResponses = {
    /**
     * The job is failed; the budget is refunded.
     */
    200: FailJobResponse;
};

export type FailJobResponse2 = FailJobResponses[keyof FailJobResponses];

export type ReleaseJobData = {
    body: ReleaseJobRequest;
    path: {
        /**
         * The job id (32 lowercase hex characters).
         */
        job_id: Id;
    };
    query?: never;
    url: '/v1/jobs/{job_id}/release';
};

export type ReleaseJobErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ReleaseJobError = ReleaseJobErrors[keyof ReleaseJobErrors];

export type ReleaseJobResponses = {
    /**
     * The lease has ended; the job is back in the queue.
     */
    200: ReleaseJobResponse;
};

export type ReleaseJobResponse2 = ReleaseJobResponses[keyof ReleaseJobResponses];

export type ListReceiptsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Page size.
         */
        limit?: number;
        /**
         * Only the receipt of this job.
         */
        job_id?: Id;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/v1/receipts';
};

export type ListReceiptsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListReceiptsError = ListReceiptsErrors[keyof ListReceiptsErrors];

export type ListReceiptsResponses = {
    /**
     * One page of receipts.
     */
    200: ReceiptList;
};

export type ListReceiptsResponse = ListReceiptsResponses[keyof ListReceiptsResponses];

export type ListKeysData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/keys';
};

export type ListKeysErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListKeysError = ListKeysErrors[keyof ListKeysErrors];

export type ListKeysResponses = {
    /**
     * The keys.
     */
    200: KeyList;
};

export type ListKeysResponse = ListKeysResponses[keyof ListKeysResponses];

export type ListAdminMinersData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only online or only offline miners.
         */
        status?: 'online' | 'offline';
        /**
         * Only this provider's miners.
         */
        provider_id?: Id;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/v1/admin/miners';
};

export type ListAdminMinersErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListAdminMinersError = ListAdminMinersErrors[keyof ListAdminMinersErrors];

export type ListAdminMinersResponses = {
    /**
     * One page of miners.
     */
    200: AdminMinerList;
};

export type ListAdminMinersResponse = ListAdminMinersResponses[keyof ListAdminMinersResponses];

export type ListAdminJobsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Only jobs in this state.
         */
        status?: JobStatus;
        /**
         * Only jobs on this provider's services.
         */
        provider_id?: Id;
        /**
         * Only this customer's jobs.
         */
        customer_id?: Id;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/v1/admin/jobs';
};

export type ListAdminJobsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListAdminJobsError = ListAdminJobsErrors[keyof ListAdminJobsErrors];

export type ListAdminJobsResponses = {
    /**
     * One page of jobs.
     */
    200: JobList;
};

export type ListAdminJobsResponse = ListAdminJobsResponses[keyof ListAdminJobsResponses];

export type GetAdminStatsData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/v1/admin/stats';
};

export type GetAdminStatsErrors = {
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetAdminStatsError = GetAdminStatsErrors[keyof GetAdminStatsErrors];

export type GetAdminStatsResponses = {
    /**
     * The statistics.
     */
    200: AdminStats;
};

export type GetAdminStatsResponse = GetAdminStatsResponses[keyof GetAdminStatsResponses];

export type RequeueSettlementBatchData = {
    body?: never;
    path: {
        batch_id: Id;
    };
    query?: never;
    url: '/v1/admin/settlement-batches/{batch_id}/requeue';
};

export type RequeueSettlementBatchErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Forbidden (forbidden).
     */
    403: Problem;
    /**
     * Not found (not_found).
     */
    404: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type RequeueSettlementBatchError = RequeueSettlementBatchErrors[keyof RequeueSettlementBatchErrors];

export type RequeueSettlementBatchResponses = {
    /**
     * What went back to owed.
     */
    200: SettlementBatchRequeue;
};

export type RequeueSettlementBatchResponse = RequeueSettlementBatchResponses[keyof RequeueSettlementBatchResponses];
