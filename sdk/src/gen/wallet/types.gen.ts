// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type ClientOptions = {
    baseUrl: 'http://127.0.0.1:20000' | (string & {});
};

/**
 * PositiveAmount
 *
 * An AITBC amount above zero, at most 6 decimals.
 */
export type PositiveAmount = Amount;

/**
 * WalletBalance
 */
export type WalletBalance = {
    /**
     * Spendable AITBC on chain (confirmed state).
     */
    balance: Amount;
    currency: Currency;
    address: Address;
    /**
     * `balance` in exact micro-AITBC.
     */
    balance_micro: MicroAmount;
    /**
     * AITBC locked in this address's open job escrows (not part of `balance`).
     */
    locked: Amount;
    locked_micro: MicroAmount;
    /**
     * The address's next nonce by the chain state.
     */
    nonce: number;
};

/**
 * TransferRequest
 */
export type TransferRequest = {
    to: Address;
    amount: PositiveAmount;
};

/**
 * WalletTransfer
 */
export type WalletTransfer = {
    tx_hash: TxHash;
    from: Address;
    to: Address;
    amount: Amount;
    amount_micro: MicroAmount;
    nonce: number;
    /**
     * `confirmed`: in a block. `pending`: accepted by the node, not yet in a block.
     */
    status: 'confirmed' | 'pending';
    block_height: number | null;
};

/**
 * WalletTransaction
 *
 * One confirmed chain transaction as seen from an address.
 */
export type WalletTransaction = {
    tx_hash: TxHash;
    type: TransactionType;
    /**
     * `in`: money arrived at the address; `out`: it left; `self`: both.
     */
    direction: 'in' | 'out' | 'self';
    /**
     * The signer.
     */
    from: Address;
    /**
     * The receiver (transfer, mint, faucet).
     */
    to?: Address;
    /**
     * What moved for this address: the transfer, mint, faucet or lock amount; for an
     * `escrow_release` the part paid to this address (as provider) or refunded to it (as customer).
     *
     */
    amount: Amount;
    amount_micro: MicroAmount;
    /**
     * For escrow transactions.
     */
    job_id?: string;
    nonce: number;
    block_height: number;
    /**
     * The block's time.
     */
    timestamp?: Timestamp;
};

/**
 * WalletTransactionPage
 */
export type WalletTransactionPage = {
    address: Address;
    items: Array<WalletTransaction>;
    page: PageInfo;
};

/**
 * CreateAccountRequest
 */
export type CreateAccountRequest = {
    /**
     * The coordinator account's id.
     */
    account_id: Id;
};

/**
 * WalletAccount
 */
export type WalletAccount = {
    account_id: Id;
    address: Address;
    public_key: PublicKey;
    created_at: Timestamp;
};

/**
 * EscrowLockRequest
 */
export type EscrowLockRequest = {
    job_id: Id;
    amount: PositiveAmount;
};

/**
 * EscrowLock
 */
export type EscrowLock = {
    job_id: Id;
    amount: Amount;
    amount_micro: MicroAmount;
    /**
     * The customer's address that signed the lock.
     */
    from: Address;
    tx_hash: TxHash;
    block_height: number;
};

/**
 * DepositStatus
 *
 * `none`: no deposit. `active`: jobs may be funded from it. `withdrawing`: a withdrawal delay runs.
 */
export type DepositStatus = 'none' | 'active' | 'withdrawing';

/**
 * DepositAt
 *
 * The deposit as of one block.
 */
export type DepositAt = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: DepositStatus;
    /**
     * The first height whose block may include the release; null unless withdrawing.
     */
    unlock_height: number | null;
};

/**
 * WalletDeposit
 *
 * An address's prepaid deposit as of the head block, and as of the finalized block.
 */
export type WalletDeposit = {
    address: Address;
    /**
     * The head block this is read at.
     */
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: DepositStatus;
    /**
     * The first height whose block may include the release; null unless withdrawing.
     */
    unlock_height: number | null;
    /**
     * True when withdrawing and the next block may include the release.
     */
    releasable: boolean;
    /**
     * About when the block at `unlock_height` comes, by the chain's block time; null unless withdrawing.
     */
    unlock_estimated_at: Timestamp | null;
    /**
     * How many blocks a withdrawal waits on this chain.
     */
    withdraw_delay_blocks: number;
    finalized: DepositAt;
};

/**
 * DepositLockRequest
 */
export type DepositLockRequest = {
    amount: PositiveAmount;
};

/**
 * DepositWithdrawRequest
 *
 * Empty; the caller's own deposit is withdrawn.
 */
export type DepositWithdrawRequest = {
    [key: string]: never;
};

/**
 * DepositReleaseRequest
 *
 * Empty; the caller's own deposit is released.
 */
export type DepositReleaseRequest = {
    [key: string]: never;
};

/**
 * DepositTransaction
 *
 * A deposit transaction the wallet signed for the caller, once a block includes it.
 */
export type DepositTransaction = {
    type: 'deposit_lock' | 'deposit_withdraw' | 'deposit_release';
    /**
     * The caller's address that signed it.
     */
    address: Address;
    /**
     * `deposit_lock`: what was added; `deposit_withdraw`: what the deposit held;
     * `deposit_release`: what returned to the balance.
     *
     */
    amount: Amount;
    amount_micro: MicroAmount;
    tx_hash: TxHash;
    block_height: number;
    deposit: WalletDeposit;
};

/**
 * BondStatus
 *
 * `none`: no bond. `active`: it backs the provider's services. `unlocking`: an unlock delay runs (it may still be slashed).
 */
export type BondStatus = 'none' | 'active' | 'unlocking';

/**
 * WalletBondAt
 *
 * The bond as of one block.
 */
export type WalletBondAt = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: BondStatus;
    /**
     * The first height whose block may include the release; null unless unlocking.
     */
    unlock_height: number | null;
};

/**
 * WalletBond
 *
 * An address's provider bond as of the head block, and as of the finalized block.
 */
export type WalletBond = {
    address: Address;
    /**
     * The head block this is read at.
     */
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: BondStatus;
    /**
     * The first height whose block may include the release; null unless unlocking.
     */
    unlock_height: number | null;
    /**
     * True when unlocking and the next block may include the release.
     */
    releasable: boolean;
    /**
     * About when the block at `unlock_height` comes, by the chain's block time; null unless unlocking.
     */
    unlock_estimated_at: Timestamp | null;
    /**
     * How many blocks an unlock waits on this chain.
     */
    unlock_delay_blocks: number;
    finalized: WalletBondAt;
};

/**
 * BondLockRequest
 */
export type BondLockRequest = {
    amount: PositiveAmount;
};

/**
 * BondUnlockRequest
 *
 * Empty; the caller's own bond is unlocked.
 */
export type BondUnlockRequest = {
    [key: string]: never;
};

/**
 * BondReleaseRequest
 *
 * Empty; the caller's own bond is released.
 */
export type BondReleaseRequest = {
    [key: string]: never;
};

/**
 * BondTransaction
 *
 * A bond transaction the wallet signed for the caller, once a block includes it.
 */
export type BondTransaction = {
    type: 'bond_lock' | 'bond_unlock' | 'bond_release';
    /**
     * The caller's address that signed it.
     */
    address: Address;
    /**
     * `bond_lock`: what was added; `bond_unlock`: what the bond held;
     * `bond_release`: what returned to the balance.
     *
     */
    amount: Amount;
    amount_micro: MicroAmount;
    tx_hash: TxHash;
    block_height: number;
    bond: WalletBond;
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
 * Address
 *
 * A chain address, `aitbc` followed by the hex of the first 20 bytes of sha256(ed25519 public key).
 */
export type Address = string;

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
 * Currency
 */
export type Currency = 'AITBC';

/**
 * MicroAmount
 *
 * An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).
 */
export type MicroAmount = string;

/**
 * TxHash
 *
 * `0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the signed transaction.
 */
export type TxHash = string;

/**
 * TransactionType
 *
 * `transfer` moves AITBC; `escrow_lock` locks a job's budget from the signer (the customer);
 * `escrow_release` pays the provider and refunds the customer (only the genesis `settlement_key`
 * may sign it); `mint` creates AITBC (only the genesis `treasury_key`); `faucet` funds an address on
 * dev chains (only a validator key). `deposit_lock`, `deposit_withdraw` and `deposit_release`
 * manage the signer's prepaid deposit; `settlement_batch` pays many jobs from deposits at once
 * (only the genesis `settlement_key`). `bond_lock`, `bond_unlock` and `bond_release` manage the
 * signer's provider bond; `bond_slash` pays a customer back from a provider's bond and moves a
 * penalty into the verification pool (only the genesis `settlement_key`). `pool_payout` pays a
 * verification re-run from the pool (only the genesis `settlement_key`).
 *
 */
export type TransactionType = 'transfer' | 'escrow_lock' | 'escrow_release' | 'mint' | 'faucet' | 'deposit_lock' | 'deposit_withdraw' | 'deposit_release' | 'settlement_batch' | 'bond_lock' | 'bond_unlock' | 'bond_release' | 'bond_slash' | 'pool_payout';

/**
 * Timestamp
 *
 * An RFC 3339 date-time in UTC.
 */
export type Timestamp = string;

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
 * Id
 *
 * An identifier chosen by a caller or generated by a server. Lowercase letters, digits, `-`, `_`, `.` and `:`.
 */
export type Id = string;

/**
 * PublicKey
 *
 * A raw 32-byte ed25519 public key, base64url without padding.
 */
export type PublicKey = string;

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
    url: '/api/v1/health';
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

export type GetBalanceData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Another address to read instead of the caller's own.
         */
        address?: Address;
    };
    url: '/api/v1/wallet/balance';
};

export type GetBalanceErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type GetBalanceError = GetBalanceErrors[keyof GetBalanceErrors];

export type GetBalanceResponses = {
    /**
     * The balance.
     */
    200: WalletBalance;
};

export type GetBalanceResponse = GetBalanceResponses[keyof GetBalanceResponses];

export type CreateTransferData = {
    body: TransferRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/transfer';
};

export type CreateTransferErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not enough AITBC (insufficient_funds). Nothing moved.
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

export type CreateTransferError = CreateTransferErrors[keyof CreateTransferErrors];

export type CreateTransferResponses = {
    /**
     * The transfer was signed and submitted (and, with `status: confirmed`, included in a block).
     */
    201: WalletTransfer;
};

export type CreateTransferResponse = CreateTransferResponses[keyof CreateTransferResponses];

export type ListTransactionsData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Another address to read instead of the caller's own.
         */
        address?: Address;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/api/v1/wallet/transactions';
};

export type ListTransactionsErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type ListTransactionsError = ListTransactionsErrors[keyof ListTransactionsErrors];

export type ListTransactionsResponses = {
    /**
     * One page of history, newest first.
     */
    200: WalletTransactionPage;
};

export type ListTransactionsResponse = ListTransactionsResponses[keyof ListTransactionsResponses];

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
    url: '/api/v1/wallet/accounts';
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
     * The account already had a key; here it is.
     */
    200: WalletAccount;
    /**
     * A new key was created.
     */
    201: WalletAccount;
};

export type CreateAccountResponse = CreateAccountResponses[keyof CreateAccountResponses];

export type LockEscrowData = {
    body: EscrowLockRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/escrow/lock';
};

export type LockEscrowErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not enough AITBC (insufficient_funds). Nothing moved.
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
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type LockEscrowError = LockEscrowErrors[keyof LockEscrowErrors];

export type LockEscrowResponses = {
    /**
     * This job's budget was already locked; here is that lock.
     */
    200: EscrowLock;
    /**
     * The budget is locked on chain.
     */
    201: EscrowLock;
};

export type LockEscrowResponse = LockEscrowResponses[keyof LockEscrowResponses];

export type GetDepositData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Another address to read instead of the caller's own.
         */
        address?: Address;
    };
    url: '/api/v1/wallet/deposit';
};

export type GetDepositErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type GetDepositError = GetDepositErrors[keyof GetDepositErrors];

export type GetDepositResponses = {
    /**
     * The deposit.
     */
    200: WalletDeposit;
};

export type GetDepositResponse = GetDepositResponses[keyof GetDepositResponses];

export type LockDepositData = {
    body: DepositLockRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/deposit/lock';
};

export type LockDepositErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not enough AITBC (insufficient_funds). Nothing moved.
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
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type LockDepositError = LockDepositErrors[keyof LockDepositErrors];

export type LockDepositResponses = {
    /**
     * A block includes the transaction; `deposit` is the deposit as of the head after it.
     */
    200: DepositTransaction;
};

export type LockDepositResponse = LockDepositResponses[keyof LockDepositResponses];

export type WithdrawDepositData = {
    body: DepositWithdrawRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/deposit/withdraw';
};

export type WithdrawDepositErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type WithdrawDepositError = WithdrawDepositErrors[keyof WithdrawDepositErrors];

export type WithdrawDepositResponses = {
    /**
     * A block includes the transaction; `deposit` is the deposit as of the head after it.
     */
    200: DepositTransaction;
};

export type WithdrawDepositResponse = WithdrawDepositResponses[keyof WithdrawDepositResponses];

export type ReleaseDepositData = {
    body: DepositReleaseRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/deposit/release';
};

export type ReleaseDepositErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type ReleaseDepositError = ReleaseDepositErrors[keyof ReleaseDepositErrors];

export type ReleaseDepositResponses = {
    /**
     * A block includes the transaction; `deposit` is the deposit as of the head after it.
     */
    200: DepositTransaction;
};

export type ReleaseDepositResponse = ReleaseDepositResponses[keyof ReleaseDepositResponses];

export type GetWalletBondData = {
    body?: never;
    path?: never;
    query?: {
        /**
         * Another address to read instead of the caller's own.
         */
        address?: Address;
    };
    url: '/api/v1/wallet/bond';
};

export type GetWalletBondErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type GetWalletBondError = GetWalletBondErrors[keyof GetWalletBondErrors];

export type GetWalletBondResponses = {
    /**
     * The bond.
     */
    200: WalletBond;
};

export type GetWalletBondResponse = GetWalletBondResponses[keyof GetWalletBondResponses];

export type LockBondData = {
    body: BondLockRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/bond/lock';
};

export type LockBondErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * Not enough AITBC (insufficient_funds). Nothing moved.
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
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type LockBondError = LockBondErrors[keyof LockBondErrors];

export type LockBondResponses = {
    /**
     * A block includes the transaction; `bond` is the bond as of the head after it.
     */
    200: BondTransaction;
};

export type LockBondResponse = LockBondResponses[keyof LockBondResponses];

export type UnlockBondData = {
    body: BondUnlockRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/bond/unlock';
};

export type UnlockBondErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type UnlockBondError = UnlockBondErrors[keyof UnlockBondErrors];

export type UnlockBondResponses = {
    /**
     * A block includes the transaction; `bond` is the bond as of the head after it.
     */
    200: BondTransaction;
};

export type UnlockBondResponse = UnlockBondResponses[keyof UnlockBondResponses];

export type ReleaseBondData = {
    body: BondReleaseRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/wallet/bond/release';
};

export type ReleaseBondErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
    /**
     * A dependency did not answer in time (timeout).
     */
    504: Problem;
};

export type ReleaseBondError = ReleaseBondErrors[keyof ReleaseBondErrors];

export type ReleaseBondResponses = {
    /**
     * A block includes the transaction; `bond` is the bond as of the head after it.
     */
    200: BondTransaction;
};

export type ReleaseBondResponse = ReleaseBondResponses[keyof ReleaseBondResponses];
