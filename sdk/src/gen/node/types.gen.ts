// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

export type ClientOptions = {
    baseUrl: 'http://127.0.0.1:19000' | (string & {});
};

/**
 * TxRejectReason
 */
export type TxRejectReason = 'bad_signature' | 'wrong_chain' | 'nonce_reused' | 'nonce_gap' | 'insufficient_funds' | 'unauthorized_signer' | 'escrow_exists' | 'escrow_not_found' | 'escrow_released' | 'amount_mismatch' | 'faucet_disabled' | 'invalid_payload' | 'escrow_below_minimum' | 'deposit_below_minimum' | 'deposit_not_found' | 'withdrawal_pending' | 'withdrawal_not_started' | 'deposit_insufficient' | 'job_already_settled' | 'batch_exists' | 'bond_not_found' | 'bond_unlock_pending' | 'bond_unlock_not_started' | 'bond_insufficient' | 'job_already_slashed' | 'pool_insufficient' | 'pool_payout_exists';

/**
 * TxRejectedProblem
 *
 * A Problem with `code` `tx_rejected`, the rejection `reason` and, for nonce reasons, the `expected_nonce`.
 */
export type TxRejectedProblem = Problem & {
    code?: 'tx_rejected';
    reason: TxRejectReason;
    /**
     * The signer's next nonce (for `nonce_reused` and `nonce_gap`).
     */
    expected_nonce?: number;
};

/**
 * ChainInfo
 */
export type ChainInfo = {
    chain_id: string;
    genesis_hash: BlockHash;
    genesis_time: Timestamp;
    /**
     * Dev chains have a faucet.
     */
    dev: boolean;
    block_time_ms: number;
    /**
     * How long the next validator in line waits for a missing proposer.
     */
    round_timeout_ms: number;
    /**
     * In proposer order.
     */
    validators: Array<ValidatorInfo>;
    settlement_key: PublicKey;
    treasury_key: PublicKey;
    /**
     * The smallest `escrow_lock` (and `deposit_lock`) amount this chain accepts (micro-AITBC).
     */
    min_escrow_micro?: MicroAmount;
    /**
     * Blocks between a `deposit_withdraw` and the first block that may include its `deposit_release`.
     */
    deposit_withdraw_delay_blocks?: number;
    /**
     * Blocks between a `bond_unlock` and the first block that may include its `bond_release`.
     */
    bond_unlock_delay_blocks?: number;
};

/**
 * ValidatorInfo
 */
export type ValidatorInfo = {
    name: string;
    public_key: PublicKey;
    address: Address;
};

/**
 * BlockView
 *
 * A block of the canonical chain with its transactions in block order.
 */
export type BlockView = {
    height: number;
    hash: BlockHash;
    prev_hash: BlockHash;
    timestamp: Timestamp;
    /**
     * The proposer's public key; null for the genesis block.
     */
    proposer: string | null;
    /**
     * The proposer's name in the genesis file; null for the genesis block.
     */
    proposer_name: string | null;
    round: number;
    tx_count: number;
    tx_root: string;
    state_root: string;
    /**
     * The proposer's signature of the header; null for the genesis block.
     */
    signature: string | null;
    transactions: Array<BlockTransaction>;
};

/**
 * BlockSummary
 *
 * A block of the canonical chain without its transactions.
 */
export type BlockSummary = {
    height: number;
    hash: BlockHash;
    prev_hash: BlockHash;
    timestamp: Timestamp;
    proposer: string | null;
    proposer_name: string | null;
    round: number;
    tx_count: number;
    tx_root: string;
    state_root: string;
    signature: string | null;
};

/**
 * BlockTransaction
 */
export type BlockTransaction = {
    tx_hash: TxHash;
    tx: Transaction;
};

/**
 * EquivocationPage
 */
export type EquivocationPage = {
    items: Array<Equivocation>;
    page: PageInfo;
};

/**
 * Equivocation
 *
 * Two different blocks one validator signed for the same height.
 */
export type Equivocation = {
    id: number;
    proposer: PublicKey;
    height: number;
    detected_at: Timestamp;
    first: SignedHeader;
    second: SignedHeader;
};

/**
 * SignedHeader
 *
 * A block header with its hash and the proposer's signature of it.
 */
export type SignedHeader = {
    header: BlockHeader;
    hash: BlockHash;
    signature: string;
};

/**
 * BlockPage
 */
export type BlockPage = {
    items: Array<BlockSummary>;
    page: PageInfo;
};

/**
 * GetTransactionRequest
 */
export type GetTransactionRequest = {
    tx_hash: TxHash;
};

/**
 * SubmittedTransaction
 */
export type SubmittedTransaction = {
    tx_hash: TxHash;
    status: 'pending';
};

/**
 * TransactionView
 *
 * A transaction and where it is. `to` is the recipient of a transfer, mint or faucet and the
 * provider of a release; `refund_to` is the escrow owner a release refunds (null otherwise);
 * `amount` is the amount moved (for a release, paid + refund).
 *
 */
export type TransactionView = {
    tx_hash: TxHash;
    /**
     * `pending`: in the mempool. `confirmed`: in a block of the canonical chain. `rejected`: this node accepted it, then dropped it (see `reason`).
     */
    status: 'pending' | 'confirmed' | 'rejected';
    /**
     * Why a `rejected` transaction was dropped; null otherwise.
     */
    reason: TxRejectReason | null;
    block_height: number | null;
    block_hash: BlockHash | null;
    /**
     * Position in the block.
     */
    index: number | null;
    /**
     * The block's timestamp; null unless confirmed.
     */
    timestamp: Timestamp | null;
    /**
     * True once the transaction's block is final (at or below `finalized_height` of
     * `sync/status`): no reorganisation can remove it. A `confirmed` transaction that is not
     * yet final may still leave the chain; treat payments as done only when this is true.
     *
     */
    finalized: boolean;
    type: TransactionType;
    from: Address;
    to: Address | null;
    refund_to: Address | null;
    job_id: string | null;
    amount: Amount;
    amount_micro: MicroAmount;
    tx: Transaction;
};

/**
 * TransactionPage
 */
export type TransactionPage = {
    items: Array<TransactionView>;
    page: PageInfo;
};

/**
 * Account
 */
export type Account = {
    address: Address;
    balance: Amount;
    balance_micro: MicroAmount;
    locked: Amount;
    locked_micro: MicroAmount;
    deposit: Amount;
    deposit_micro: MicroAmount;
    bond: Amount;
    bond_micro: MicroAmount;
    /**
     * The next nonce by the chain state.
     */
    nonce: number;
    /**
     * The next nonce counting this node's mempool; sign with this one.
     */
    pending_nonce: number;
};

/**
 * DepositStatus
 */
export type DepositStatus = 'none' | 'active' | 'withdrawing';

/**
 * DepositAt
 *
 * A deposit as of one block.
 */
export type DepositAt = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: DepositStatus;
    /**
     * The first height whose block may include the `deposit_release`; null unless withdrawing.
     */
    unlock_height: number | null;
};

/**
 * Deposit
 *
 * A deposit as of the head block, and as of the finalized block.
 */
export type Deposit = {
    address: Address;
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: DepositStatus;
    unlock_height: number | null;
    finalized: DepositAt;
};

/**
 * BondStatus
 */
export type BondStatus = 'none' | 'active' | 'unlocking';

/**
 * BondAt
 *
 * A bond as of one block.
 */
export type BondAt = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: BondStatus;
    /**
     * The first height whose block may include the `bond_release`; null unless unlocking.
     */
    unlock_height: number | null;
};

/**
 * Bond
 *
 * A provider bond as of the head block, and as of the finalized block.
 */
export type Bond = {
    address: Address;
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    status: BondStatus;
    unlock_height: number | null;
    finalized: BondAt;
};

/**
 * PoolAt
 *
 * The verification pool as of one block.
 */
export type PoolAt = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
};

/**
 * VerificationPool
 *
 * The verification pool as of the head block, and as of the finalized block.
 */
export type VerificationPool = {
    height: number;
    amount: Amount;
    amount_micro: MicroAmount;
    finalized: PoolAt;
};

/**
 * Settlement
 */
export type Settlement = {
    batch_id: Id;
    receipts_root: string;
    /**
     * How many jobs the batch paid.
     */
    items: number;
    paid: Amount;
    paid_micro: MicroAmount;
    tx_hash: TxHash;
    block_height: number;
    finalized: boolean;
};

/**
 * Escrow
 */
export type Escrow = {
    job_id: Id;
    status: 'locked' | 'settled' | 'refunded';
    /**
     * The address that locked it (the customer); refunds go there.
     */
    owner: Address;
    amount: Amount;
    amount_micro: MicroAmount;
    /**
     * Paid to the provider (AITBC); null while locked.
     */
    paid: number | null;
    paid_micro: string | null;
    /**
     * Returned to the owner (AITBC); null while locked.
     */
    refund: number | null;
    refund_micro: string | null;
    provider: Address | null;
    receipt_hash: string | null;
    lock_tx_hash: TxHash;
    lock_height: number;
    release_tx_hash: TxHash | null;
    release_height: number | null;
    /**
     * The part of `paid` that went to the verification pool instead of the provider (AITBC; the provider got `paid - pool_fee`); null while locked.
     */
    pool_fee: number | null;
    pool_fee_micro: string | null;
};

/**
 * SyncStatus
 */
export type SyncStatus = {
    chain_id: string;
    genesis_hash: BlockHash;
    height: number;
    head_hash: BlockHash;
    state_root: string;
    /**
     * The canonical chain's fork-choice weight (docs/chain.md).
     */
    weight: number;
    /**
     * The highest final block: more than 2/3 of the validators proposed it or a block built on
     * it. This node never reorganises at or below it (docs/chain.md, Finality).
     *
     */
    finalized_height: number;
    finalized_hash: BlockHash;
    syncing: boolean;
    /**
     * The highest head a connected peer reported (our own height without peers).
     */
    best_peer_height: number;
    mempool_size: number;
    /**
     * This node's validator identity; null for a full node.
     */
    validator: ValidatorInfo | null;
    peers: Array<PeerStatus>;
};

/**
 * PeerStatus
 */
export type PeerStatus = {
    /**
     * The peer's P2P URL for outbound connections; null for inbound ones.
     */
    url: string | null;
    direction: 'inbound' | 'outbound';
    connected: boolean;
    height: number | null;
    head_hash: string | null;
};

/**
 * FaucetRequest
 */
export type FaucetRequest = {
    address: Address;
    amount: Amount;
};

/**
 * FaucetResponse
 */
export type FaucetResponse = {
    tx_hash: TxHash;
    address: Address;
    amount: Amount;
    amount_micro: MicroAmount;
    status: 'pending' | 'confirmed';
    block_height: number | null;
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
 * BlockHash
 *
 * `0x` followed by the hex sha256 of the RFC 8785 canonical JSON of the block header. The genesis block's hash is the genesis hash.
 */
export type BlockHash = string;

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
 * Address
 *
 * A chain address, `aitbc` followed by the hex of the first 20 bytes of sha256(ed25519 public key).
 */
export type Address = string;

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
 * TransactionTransferPayload
 *
 * `transfer`: moves `amount` (micro-AITBC, above zero) from the signer to `to`.
 */
export type TransactionTransferPayload = {
    to: Address;
    amount: MicroAmount;
};

/**
 * Id
 *
 * An identifier chosen by a caller or generated by a server. Lowercase letters, digits, `-`, `_`, `.` and `:`.
 */
export type Id = string;

/**
 * TransactionEscrowLockPayload
 *
 * `escrow_lock` (signed by the customer): locks `amount` (micro-AITBC, above zero) from the signer's balance for `job_id`. A job id can be locked once, ever.
 */
export type TransactionEscrowLockPayload = {
    job_id: Id;
    amount: MicroAmount;
};

/**
 * TransactionEscrowReleasePayload
 *
 * `escrow_release` (only the genesis `settlement_key` may sign it): closes the escrow of `job_id`.
 * `paid` goes to `provider` (required when `paid` is above zero), `refund` goes back to the account
 * that locked it; `paid + refund` must equal the locked amount. A refund is a release with `paid: "0"`.
 * `receipt_hash` anchors the job's receipt (`sha256:` + hex). An escrow is released once.
 * `pool_fee` (default "0" when absent) is the part of `paid` that goes to the verification pool
 * instead of the provider: the provider gets `paid - pool_fee`. A `pool_fee` above `paid` is
 * refused (`invalid_payload`).
 *
 */
export type TransactionEscrowReleasePayload = {
    job_id: Id;
    paid: MicroAmount;
    refund: MicroAmount;
    provider?: Address;
    receipt_hash?: string;
    pool_fee?: MicroAmount;
};

/**
 * TransactionMintPayload
 *
 * `mint` (only the genesis `treasury_key`): credits `amount` (micro-AITBC, above zero) to `to`; `reference` says what for (for example the exchange order id).
 */
export type TransactionMintPayload = {
    to: Address;
    amount: MicroAmount;
    reference?: string;
};

/**
 * TransactionFaucetPayload
 *
 * `faucet` (dev chains only, signed by a validator key): credits `amount` (micro-AITBC, above zero) to `to`.
 */
export type TransactionFaucetPayload = {
    to: Address;
    amount: MicroAmount;
};

/**
 * TransactionDepositLockPayload
 *
 * `deposit_lock` (signed by the customer): moves `amount` (micro-AITBC, at least the genesis `min_escrow`) from the signer's balance into the signer's deposit. One deposit per address: a second lock tops it up, and a lock during the withdrawal delay cancels the withdrawal.
 */
export type TransactionDepositLockPayload = {
    amount: MicroAmount;
};

/**
 * TransactionDepositWithdrawPayload
 *
 * `deposit_withdraw` (signed by the deposit's owner): starts the withdrawal delay of the signer's deposit (genesis `deposit_withdraw_delay_blocks`). Settlements may still draw from the deposit during the delay. The payload is empty.
 */
export type TransactionDepositWithdrawPayload = {
    [key: string]: never;
};

/**
 * TransactionDepositReleasePayload
 *
 * `deposit_release` (signed by the deposit's owner): once the block height has reached the deposit's `unlock_height`, returns what is left of the deposit to the owner's balance and closes it. The payload is empty.
 */
export type TransactionDepositReleasePayload = {
    [key: string]: never;
};

/**
 * SettlementItem
 *
 * One job of a `settlement_batch`, paid from a deposit to a provider. `pool_fee` (default "0" when
 * absent) is the part of `paid` that goes to the verification pool instead of the provider; a
 * `pool_fee` above `paid` is refused (`invalid_payload`).
 *
 */
export type SettlementItem = {
    deposit_owner: Address;
    provider: Address;
    paid: MicroAmount;
    job_id: Id;
    pool_fee?: MicroAmount;
};

/**
 * TransactionSettlementBatchPayload
 *
 * `settlement_batch` (only the genesis `settlement_key` may sign it): for each item, moves `paid`
 * from the deposit of `deposit_owner`, `paid - pool_fee` to the balance of `provider` and `pool_fee`
 * to the verification pool, and marks `job_id` paid. The
 * whole transaction is refused, with nothing applied, when an item would take a deposit below zero,
 * a job id was already paid (from a deposit or an escrow) or repeats in the batch, or `batch_id`
 * was used before. `receipts_root` anchors the Merkle root of the batch's receipt hashes
 * (`merkleRoot` in the SDK); `GET /api/v1/settlements/{batch_id}` shows it.
 *
 */
export type TransactionSettlementBatchPayload = {
    batch_id: Id;
    /**
     * `0x` + 64 lowercase hex digits: the Merkle root of the batch's receipt hashes.
     */
    receipts_root: string;
    items: Array<SettlementItem>;
};

/**
 * TransactionBondLockPayload
 *
 * `bond_lock` (signed by the provider): moves `amount` (micro-AITBC, above zero) from the signer's balance into the signer's bond, which a provider holds to list a service. One bond per address: a second lock tops it up, and a lock during the unlock delay cancels the unlock.
 */
export type TransactionBondLockPayload = {
    amount: MicroAmount;
};

/**
 * TransactionBondUnlockPayload
 *
 * `bond_unlock` (signed by the bond's owner): starts the unlock delay of the signer's bond (genesis `bond_unlock_delay_blocks`). The bond may still be slashed during the delay. The payload is empty.
 */
export type TransactionBondUnlockPayload = {
    [key: string]: never;
};

/**
 * TransactionBondReleasePayload
 *
 * `bond_release` (signed by the bond's owner): once the block height has reached the bond's `unlock_height`, returns what is left of the bond to the owner's balance and closes it. The payload is empty.
 */
export type TransactionBondReleasePayload = {
    [key: string]: never;
};

/**
 * TransactionBondSlashPayload
 *
 * `bond_slash` (only the genesis `settlement_key` may sign it): takes `refund + penalty` from the
 * bond of `provider`, pays `refund` to the job's `customer` and moves `penalty` into the
 * verification pool (`GET /api/v1/verification-pool`). `refund + penalty` must be above zero. The
 * whole transaction is refused, with nothing applied, when the provider has no bond, the bond holds
 * less than `refund + penalty`, or `job_id` was slashed before. A bond being unlocked can still be
 * slashed.
 *
 */
export type TransactionBondSlashPayload = {
    provider: Address;
    job_id: Id;
    customer: Address;
    refund: MicroAmount;
    penalty: MicroAmount;
    /**
     * `spot_check_failed`: a re-run of the job did not match the provider's output; `dispute_upheld`: the customer's dispute of the job was upheld.
     */
    reason: 'spot_check_failed' | 'dispute_upheld';
};

/**
 * TransactionPoolPayoutPayload
 *
 * `pool_payout` (only the genesis `settlement_key` may sign it): pays `amount` from the
 * verification pool (`GET /api/v1/verification-pool`) to `provider`, whose miner re-ran `job_id`
 * to check another provider's work. The pool is funded by the `pool_fee` of escrow releases and
 * settlement batch items and by slash penalties. `amount` must be above zero. The whole transaction
 * is refused, with nothing applied, when the pool holds less than `amount` (`pool_insufficient`) or
 * `job_id` was paid from the pool before (`pool_payout_exists`).
 *
 */
export type TransactionPoolPayoutPayload = {
    job_id: Id;
    provider: Address;
    amount: MicroAmount;
    /**
     * `verification_rerun`: the provider's miner re-ran a job for a spot check or a dispute.
     */
    reason: 'verification_rerun';
};

/**
 * Transaction
 *
 * A signed AITBC chain transaction (the format of `sdk/src/chain/tx.ts`). The signing input is the
 * RFC 8785 (JCS) canonical JSON of the transaction without `signature`; `signature` is the raw
 * 64-byte ed25519 signature of those bytes, base64url. `from` must be the address of `public_key`.
 * The transaction hash is `0x` + hex sha256 of the JCS of the whole signed transaction.
 * `nonce` is the signer's next nonce (0 for a new account). `payload` depends on `type`:
 * `transfer` and `faucet` take TransactionTransferPayload / TransactionFaucetPayload,
 * `escrow_lock` TransactionEscrowLockPayload, `escrow_release` TransactionEscrowReleasePayload,
 * `mint` TransactionMintPayload, `deposit_lock` TransactionDepositLockPayload, `deposit_withdraw`
 * TransactionDepositWithdrawPayload, `deposit_release` TransactionDepositReleasePayload,
 * `settlement_batch` TransactionSettlementBatchPayload, `bond_lock` TransactionBondLockPayload,
 * `bond_unlock` TransactionBondUnlockPayload, `bond_release` TransactionBondReleasePayload,
 * `bond_slash` TransactionBondSlashPayload, `pool_payout` TransactionPoolPayoutPayload. Amounts are MicroAmount strings so that the signed bytes are exact.
 *
 */
export type Transaction = {
    type: TransactionType;
    chain_id: string;
    from: Address;
    nonce: number;
    payload: TransactionTransferPayload | TransactionEscrowLockPayload | TransactionEscrowReleasePayload | TransactionMintPayload | TransactionFaucetPayload | TransactionDepositLockPayload | TransactionDepositWithdrawPayload | TransactionDepositReleasePayload | TransactionSettlementBatchPayload | TransactionBondLockPayload | TransactionBondUnlockPayload | TransactionBondReleasePayload | TransactionBondSlashPayload | TransactionPoolPayoutPayload;
    public_key: PublicKey;
    /**
     * The raw 64-byte ed25519 signature, base64url without padding.
     */
    signature: string;
};

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
 * Amount
 *
 * An amount of AITBC as a JSON number with at most 6 decimal places (1 AITBC = 1,000,000 micro-AITBC).
 * Implementations must convert it to integer micro-AITBC without floating-point arithmetic
 * (parse the number's decimal text) and reject more than 6 decimals with `validation_failed`.
 *
 */
export type Amount = number;

/**
 * BlockHeader
 *
 * The signed part of a block. The block hash is `0x` + hex sha256 of the RFC 8785 (JCS) canonical
 * JSON of the header, and the proposer signs those same bytes with ed25519. The proposer of height
 * `h` in round `r` is `validators[(h + r) mod n]` of the genesis file; `r` is 0 for the in-turn
 * validator and grows when earlier proposers missed their slot (see docs/chain.md).
 *
 */
export type BlockHeader = {
    chain_id: string;
    height: number;
    prev_hash: BlockHash;
    timestamp: Timestamp;
    proposer: PublicKey;
    round: number;
    tx_count: number;
    /**
     * `0x` + hex sha256 of the JCS array of the block's transaction hashes, in block order.
     */
    tx_root: string;
    /**
     * `0x` + hex sha256 of the canonical state after applying the block (see docs/chain.md).
     */
    state_root: string;
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

export type GetChainData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/chain';
};

export type GetChainErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetChainError = GetChainErrors[keyof GetChainErrors];

export type GetChainResponses = {
    /**
     * The chain's parameters.
     */
    200: ChainInfo;
};

export type GetChainResponse = GetChainResponses[keyof GetChainResponses];

export type GetLatestBlockData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/block/latest';
};

export type GetLatestBlockErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetLatestBlockError = GetLatestBlockErrors[keyof GetLatestBlockErrors];

export type GetLatestBlockResponses = {
    /**
     * The head block.
     */
    200: BlockView;
};

export type GetLatestBlockResponse = GetLatestBlockResponses[keyof GetLatestBlockResponses];

export type GetBlockData = {
    body?: never;
    path: {
        height: number;
    };
    query?: never;
    url: '/api/v1/block/{height}';
};

export type GetBlockErrors = {
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

export type GetBlockError = GetBlockErrors[keyof GetBlockErrors];

export type GetBlockResponses = {
    /**
     * The block.
     */
    200: BlockView;
};

export type GetBlockResponse = GetBlockResponses[keyof GetBlockResponses];

export type ListBlocksData = {
    body?: never;
    path?: never;
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
    url: '/api/v1/blocks';
};

export type ListBlocksErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListBlocksError = ListBlocksErrors[keyof ListBlocksErrors];

export type ListBlocksResponses = {
    /**
     * One page of blocks, newest first.
     */
    200: BlockPage;
};

export type ListBlocksResponse = ListBlocksResponses[keyof ListBlocksResponses];

export type GetTransactionData = {
    body: GetTransactionRequest;
    path?: never;
    query?: never;
    url: '/api/v1/transaction/get';
};

export type GetTransactionErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
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

export type GetTransactionError = GetTransactionErrors[keyof GetTransactionErrors];

export type GetTransactionResponses = {
    /**
     * The transaction and where it is.
     */
    200: TransactionView;
};

export type GetTransactionResponse = GetTransactionResponses[keyof GetTransactionResponses];

export type SubmitTransactionData = {
    body: Transaction;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/transaction/submit';
};

export type SubmitTransactionErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * Payload too large (payload_too_large).
     */
    413: Problem;
    /**
     * The chain refused the transaction (tx_rejected); `reason` says why. Nothing changed.
     */
    422: TxRejectedProblem;
    /**
     * The sender already has the most transactions pending that one sender may have
     * (too_many_pending), or this client sent too many requests (rate_limited). Retry after
     * `Retry-After` seconds.
     *
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

export type SubmitTransactionError = SubmitTransactionErrors[keyof SubmitTransactionErrors];

export type SubmitTransactionResponses = {
    /**
     * Accepted into the mempool.
     */
    202: SubmittedTransaction;
};

export type SubmitTransactionResponse = SubmitTransactionResponses[keyof SubmitTransactionResponses];

export type ListTransactionsData = {
    body?: never;
    path?: never;
    query?: {
        address?: Address;
        type?: TransactionType;
        job_id?: Id;
        /**
         * Page size.
         */
        limit?: number;
        /**
         * The `next_cursor` of the previous page.
         */
        cursor?: string;
    };
    url: '/api/v1/transactions';
};

export type ListTransactionsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListTransactionsError = ListTransactionsErrors[keyof ListTransactionsErrors];

export type ListTransactionsResponses = {
    /**
     * One page of transactions, newest first.
     */
    200: TransactionPage;
};

export type ListTransactionsResponse = ListTransactionsResponses[keyof ListTransactionsResponses];

export type GetAccountData = {
    body?: never;
    path: {
        address: Address;
    };
    query?: never;
    url: '/api/v1/account/{address}';
};

export type GetAccountErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetAccountError = GetAccountErrors[keyof GetAccountErrors];

export type GetAccountResponses = {
    /**
     * The account.
     */
    200: Account;
};

export type GetAccountResponse = GetAccountResponses[keyof GetAccountResponses];

export type GetEscrowData = {
    body?: never;
    path: {
        job_id: Id;
    };
    query?: never;
    url: '/api/v1/escrow/{job_id}';
};

export type GetEscrowErrors = {
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

export type GetEscrowError = GetEscrowErrors[keyof GetEscrowErrors];

export type GetEscrowResponses = {
    /**
     * The escrow.
     */
    200: Escrow;
};

export type GetEscrowResponse = GetEscrowResponses[keyof GetEscrowResponses];

export type GetDepositData = {
    body?: never;
    path: {
        address: Address;
    };
    query?: never;
    url: '/api/v1/deposits/{address}';
};

export type GetDepositErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetDepositError = GetDepositErrors[keyof GetDepositErrors];

export type GetDepositResponses = {
    /**
     * The deposit.
     */
    200: Deposit;
};

export type GetDepositResponse = GetDepositResponses[keyof GetDepositResponses];

export type GetSettlementData = {
    body?: never;
    path: {
        batch_id: Id;
    };
    query?: never;
    url: '/api/v1/settlements/{batch_id}';
};

export type GetSettlementErrors = {
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

export type GetSettlementError = GetSettlementErrors[keyof GetSettlementErrors];

export type GetSettlementResponses = {
    /**
     * The settlement batch.
     */
    200: Settlement;
};

export type GetSettlementResponse = GetSettlementResponses[keyof GetSettlementResponses];

export type GetBondData = {
    body?: never;
    path: {
        address: Address;
    };
    query?: never;
    url: '/api/v1/bonds/{address}';
};

export type GetBondErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetBondError = GetBondErrors[keyof GetBondErrors];

export type GetBondResponses = {
    /**
     * The bond.
     */
    200: Bond;
};

export type GetBondResponse = GetBondResponses[keyof GetBondResponses];

export type GetVerificationPoolData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/verification-pool';
};

export type GetVerificationPoolErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetVerificationPoolError = GetVerificationPoolErrors[keyof GetVerificationPoolErrors];

export type GetVerificationPoolResponses = {
    /**
     * The pool.
     */
    200: VerificationPool;
};

export type GetVerificationPoolResponse = GetVerificationPoolResponses[keyof GetVerificationPoolResponses];

export type GetSyncStatusData = {
    body?: never;
    path?: never;
    query?: never;
    url: '/api/v1/sync/status';
};

export type GetSyncStatusErrors = {
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type GetSyncStatusError = GetSyncStatusErrors[keyof GetSyncStatusErrors];

export type GetSyncStatusResponses = {
    /**
     * The sync status.
     */
    200: SyncStatus;
};

export type GetSyncStatusResponse = GetSyncStatusResponses[keyof GetSyncStatusResponses];

export type ListEquivocationsData = {
    body?: never;
    path?: never;
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
    url: '/api/v1/evidence/equivocations';
};

export type ListEquivocationsErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Too many requests (rate_limited).
     */
    429: Problem;
    /**
     * Internal error (internal_error).
     */
    500: Problem;
};

export type ListEquivocationsError = ListEquivocationsErrors[keyof ListEquivocationsErrors];

export type ListEquivocationsResponses = {
    /**
     * One page of evidence, newest first.
     */
    200: EquivocationPage;
};

export type ListEquivocationsResponse = ListEquivocationsResponses[keyof ListEquivocationsResponses];

export type RequestFaucetData = {
    body: FaucetRequest;
    headers?: {
        /**
         * Makes a create safe to retry. A retry with the same key and body returns the first response and creates nothing new; the same key with a different body is `409 idempotency_key_reused`.
         */
        'Idempotency-Key'?: string;
    };
    path?: never;
    query?: never;
    url: '/api/v1/faucet';
};

export type RequestFaucetErrors = {
    /**
     * Bad request (validation_failed).
     */
    400: Problem;
    /**
     * Missing or invalid API key (unauthorized).
     */
    401: Problem;
    /**
     * This chain or node has no faucet (faucet_disabled).
     */
    403: Problem;
    /**
     * Conflict (conflict).
     */
    409: Problem;
    /**
     * The chain refused the transaction (tx_rejected); `reason` says why. Nothing changed.
     */
    422: TxRejectedProblem;
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

export type RequestFaucetError = RequestFaucetErrors[keyof RequestFaucetErrors];

export type RequestFaucetResponses = {
    /**
     * The faucet transaction.
     */
    200: FaucetResponse;
};

export type RequestFaucetResponse = RequestFaucetResponses[keyof RequestFaucetResponses];
