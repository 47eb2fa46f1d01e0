// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type ClientOptions = {
    baseUrl: 'http://127.0.0.1:23000' | (string & {});
};

/**
 * OrderId
 *
 * A server-generated order id (32 lowercase hex characters).
 */
export type OrderId = string;

/**
 * OrderStatus
 *
 * `awaiting_payment` → `paid` (the deposit reached the required confirmations) → `minted`
 * (the AITBC mint is in a block). `awaiting_payment` → `expired` when no full payment
 * arrived before `expires_at`.
 *
 */
export type OrderStatus = 'awaiting_payment' | 'paid' | 'minted' | 'expired';

/**
 * PaymentMethod
 */
export type PaymentMethod = 'bitcoin_testnet';

/**
 * BtcAmount
 *
 * BTC as a JSON number with at most 8 decimal places (1 BTC = 100,000,000 satoshis).
 */
export type BtcAmount = number;

/**
 * Rates
 */
export type Rates = {
    base: 'BTC';
    quote: 'AITBC';
    /**
     * AITBC per BTC (same as `aitbc_per_btc`).
     */
    rate: number;
    aitbc_per_btc: number;
    btc_per_aitbc: number;
    sats_per_aitbc: number;
    payment_methods: Array<PaymentMethod>;
    min_order_aitbc: Amount;
    max_order_aitbc: Amount;
    /**
     * Bitcoin confirmations a deposit needs before the AITBC is minted.
     */
    required_confirmations: number;
    /**
     * How long an order waits for its payment.
     */
    order_ttl_s: number;
    updated_at: Timestamp;
};

/**
 * CreateOrderRequest
 */
export type CreateOrderRequest = {
    /**
     * How much AITBC to buy.
     */
    amount_aitbc?: Amount;
    /**
     * How much BTC to pay (instead of `amount_aitbc`).
     */
    amount_btc?: BtcAmount;
    payment_method: PaymentMethod;
};

/**
 * Order
 */
export type Order = {
    order_id: OrderId;
    status: OrderStatus;
    payment_method: PaymentMethod;
    /**
     * The AITBC the buyer receives.
     */
    amount_aitbc: Amount;
    amount_aitbc_micro: MicroAmount;
    /**
     * The BTC to send (`amount_sats` / 100,000,000).
     */
    amount_btc: number;
    /**
     * The exact satoshis to send to `deposit_address`.
     */
    amount_sats: number;
    /**
     * AITBC per BTC for this order.
     */
    rate: number;
    /**
     * The Bitcoin testnet address to pay, used for this order only.
     */
    deposit_address: string;
    /**
     * The AITBC chain address the mint goes to.
     */
    buyer_address: Address;
    /**
     * Satoshis seen at `deposit_address` so far (mempool included).
     */
    received_sats: number;
    /**
     * Confirmations of the least-confirmed deposit transaction.
     */
    confirmations: number;
    /**
     * The Bitcoin transactions paying into `deposit_address`.
     */
    btc_txids: Array<string>;
    /**
     * The AITBC `mint` transaction, once submitted.
     */
    mint_tx_hash: TxHash | null;
    created_at: Timestamp;
    expires_at: Timestamp;
    paid_at: Timestamp | null;
    minted_at: Timestamp | null;
};

/**
 * OrderPage
 */
export type OrderPage = {
    items: Array<Order>;
    page: PageInfo;
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
 * Amount
 *
 * An amount of AITBC as a JSON number with at most 6 decimal places (1 AITBC = 1,000,000 micro-AITBC).
 * Implementations must convert it to integer micro-AITBC without floating-point arithmetic
 * (parse the number's decimal text) and reject more than 6 decimals with `validation_failed`.
 *
 */
export type Amount = number;

/**
 * Timestamp
 *
 * An RFC 3339 date-time in UTC.
 */
export type Timestamp = string;

/**
 * MicroAmount
 *
 * An exact amount in integer micro-AITBC (1 AITBC = 1,000,000), as a decimal string. Used where amounts are signed (chain transactions).
 */
export type MicroAmount = string;

/**
 * Address
 *
 * A chain address, `aitbc` followed by the hex of the first 20 bytes of sha256(ed25519 public key).
 */
export type Address = string;

/**
 * TxHash
 *
 * `0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the signed transaction.
 */
export type TxHash = string;

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
 * Page size.
 */
export type Limit = number;

/**
 * The `next_cursor` of the previous page.
 */
export type Cursor = string;

/**
 * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
 */
export type IdempotencyKey = string;

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

export type GetRatesData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/rates';
};

export type GetRatesErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetRatesError = GetRatesErrors[keyof GetRatesErrors];

export type GetRatesResponses = {
    /**
     * The rate.
     */
    200: Rates;
};

export type GetRatesResponse = GetRatesResponses[keyof GetRatesResponses];

export type ListOrdersData = {
    body?: never;
    path?: never;
    query?: {
        status?: OrderStatus;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/api/v1/orders';
};

export type ListOrdersErrors = {
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
    /**
     * Service unavailable (unavailable).
     */
    503: Problem;
};

export type ListOrdersError = ListOrdersErrors[keyof ListOrdersErrors];

export type ListOrdersResponses = {
    /**
     * One page of orders.
     */
    200: OrderPage;
};

export type ListOrdersResponse = ListOrdersResponses[keyof ListOrdersResponses];

export type CreateOrderData = {
    body: CreateOrderRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/orders';
};

export type CreateOrderErrors = {
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

export type CreateOrderError = CreateOrderErrors[keyof CreateOrderErrors];

export type CreateOrderResponses = {
    /**
     * The order, awaiting payment.
     */
    201: Order;
};

export type CreateOrderResponse = CreateOrderResponses[keyof CreateOrderResponses];

export type GetOrderData = {
    body?: never;
    path: {
        order_id: OrderId;
    };
    query?: never;
    url: '/api/v1/orders/{order_id}';
};

export type GetOrderErrors = {
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

export type GetOrderError = GetOrderErrors[keyof GetOrderErrors];

export type GetOrderResponses = {
    /**
     * The order.
     */
    200: Order;
};

export type GetOrderResponse = GetOrderResponses[keyof GetOrderResponses];
