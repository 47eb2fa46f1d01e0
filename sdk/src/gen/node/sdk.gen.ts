// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { GetAccountData, GetAccountErrors, GetAccountResponses, GetBlockData, GetBlockErrors, GetBlockResponses, GetBondData, GetBondErrors, GetBondResponses, GetChainData, GetChainErrors, GetChainResponses, GetDepositData, GetDepositErrors, GetDepositResponses, GetEscrowData, GetEscrowErrors, GetEscrowResponses, GetHealthData, GetHealthErrors, GetHealthResponses, GetLatestBlockData, GetLatestBlockErrors, GetLatestBlockResponses, GetSettlementData, GetSettlementErrors, GetSettlementResponses, GetSyncStatusData, GetSyncStatusErrors, GetSyncStatusResponses, GetTransactionData, GetTransactionErrors, GetTransactionResponses, GetVerificationPoolData, GetVerificationPoolErrors, GetVerificationPoolResponses, ListBlocksData, ListBlocksErrors, ListBlocksResponses, ListEquivocationsData, ListEquivocationsErrors, ListEquivocationsResponses, ListTransactionsData, ListTransactionsErrors, ListTransactionsResponses, RequestFaucetData, RequestFaucetErrors, RequestFaucetResponses, SubmitTransactionData, SubmitTransactionErrors, SubmitTransactionResponses } from './types.gen.js';

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
            throw new Error(`No SDK client found. Create one with "new NodeApi()" to fix this error.`);
        }
        return instance;
    }
    
    set(value: T, key?: string): void {
        this.instances.set(key ?? this.defaultKey, value);
    }
}

export class NodeApi extends HeyApiClient {
    public static readonly __registry = new HeyApiRegistry<NodeApi>();
    
    constructor(args?: {
        client?: Client;
        key?: string;
    }) {
        super(args);
        NodeApi.__registry.set(this, args?.key);
    }
    
    /**
     * Service health
     */
    public getHealth<ThrowOnError extends boolean = true>(options?: Options<GetHealthData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetHealthResponses, GetHealthErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/health',
            ...options
        });
    }
    
    /**
     * The chain's parameters
     *
     * The chain id, the genesis hash and the consensus parameters from the genesis file.
     */
    public getChain<ThrowOnError extends boolean = true>(options?: Options<GetChainData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetChainResponses, GetChainErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/chain',
            ...options
        });
    }
    
    /**
     * The head block
     *
     * The head of this node's canonical chain, with its transactions. Before the first block it is the genesis block (height 0).
     */
    public getLatestBlock<ThrowOnError extends boolean = true>(options?: Options<GetLatestBlockData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetLatestBlockResponses, GetLatestBlockErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/block/latest',
            ...options
        });
    }
    
    /**
     * A block by height
     *
     * A block of this node's canonical chain, with its transactions. Height 0 is the genesis block (no proposer, no signature).
     */
    public getBlock<ThrowOnError extends boolean = true>(options: Options<GetBlockData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetBlockResponses, GetBlockErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/block/{height}',
            ...options
        });
    }
    
    /**
     * Recent blocks
     *
     * The canonical chain's blocks, newest first, without their transactions (for the explorer).
     */
    public listBlocks<ThrowOnError extends boolean = true>(options?: Options<ListBlocksData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListBlocksResponses, ListBlocksErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/blocks',
            ...options
        });
    }
    
    /**
     * A transaction by hash
     *
     * A confirmed transaction (in a block of the canonical chain), a pending one (in this node's
     * mempool), or one this node accepted and later dropped (`status: rejected` with `reason`;
     * remembered for a while). Unknown: 404.
     *
     * A user with curl calls this as `curl -X POST …/api/v1/transaction/get -d '{"tx_hash": "0x…"}'`,
     * which curl sends as `application/x-www-form-urlencoded`. For this operation the node reads
     * the raw body as JSON whatever its content type says, so that exact command works.
     *
     */
    public getTransaction<ThrowOnError extends boolean = true>(options: Options<GetTransactionData, ThrowOnError>) {
        return (options.client ?? this.client).post<GetTransactionResponses, GetTransactionErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/transaction/get',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Submit a signed transaction
     *
     * Checks the transaction against the chain state plus this node's mempool, adds it to the
     * mempool and gossips it to the peers; a block includes it later (poll `transaction/get`).
     * `nonce` must be the sender's `pending_nonce` (see `GET /api/v1/account/{address}`), so a
     * signer can submit several in a row. A transaction that is already pending is accepted again
     * (same hash, nothing new); resubmitting a confirmed one is a replay (`nonce_reused`).
     * A retry with the same `Idempotency-Key` returns the first answer; the same key with
     * another transaction of the same sender is 409 `idempotency_key_reused`. Keys are per
     * sender (`from`): another sender's use of the same key changes nothing for this one. The node keeps submission keys in
     * memory for an hour (not across restarts): after a restart, a retry of a transaction that is
     * already in a block gets `nonce_reused`, and `transaction/get` shows it confirmed.
     *
     * Schema violations are 400 `validation_failed`. A well-formed transaction the chain refuses
     * is 422 `tx_rejected` with `reason`: `bad_signature`, `wrong_chain`, `nonce_reused`,
     * `nonce_gap`, `insufficient_funds`, `unauthorized_signer`, `escrow_exists`,
     * `escrow_not_found`, `escrow_released`, `amount_mismatch`, `faucet_disabled`,
     * `invalid_payload`, `escrow_below_minimum` (an `escrow_lock` below the chain's
     * `min_escrow`), `deposit_below_minimum`, `deposit_not_found`, `withdrawal_pending`,
     * `withdrawal_not_started`, `deposit_insufficient`, `job_already_settled`,
     * `batch_exists`, `bond_not_found`, `bond_unlock_pending`, `bond_unlock_not_started`,
     * `bond_insufficient`, `job_already_slashed`, `pool_insufficient` or `pool_payout_exists`.
     * Nothing changes on a rejection (a `settlement_batch`, a `bond_slash` and a `pool_payout`
     * are refused whole).
     *
     * One sender may have at most 128 transactions pending in a node's mempool
     * (`AITBC_MEMPOOL_MAX_PER_SENDER`); the next one is 429 `too_many_pending` with
     * `Retry-After` until a block includes some of them. The genesis settlement, treasury and
     * validator keys are exempt.
     *
     */
    public submitTransaction<ThrowOnError extends boolean = true>(options: Options<SubmitTransactionData, ThrowOnError>) {
        return (options.client ?? this.client).post<SubmitTransactionResponses, SubmitTransactionErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/transaction/submit',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Confirmed transactions
     *
     * Transactions of the canonical chain, newest first (for the explorer). `address` keeps those
     * the address signed (`from`) or received money from (`to`, which is the provider of a
     * release, or `refund_to`, the owner an escrow release refunds), and the settlement batches
     * with an item that pays the address (`provider`) or draws on its deposit (`deposit_owner`);
     * `type` and `job_id` filter further.
     *
     */
    public listTransactions<ThrowOnError extends boolean = true>(options?: Options<ListTransactionsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListTransactionsResponses, ListTransactionsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/transactions',
            ...options
        });
    }
    
    /**
     * An account's balance and nonces
     *
     * The balance as of the head block. `nonce` is the next nonce by the chain state;
     * `pending_nonce` counts this node's mempool too: sign the next transaction with it.
     * `locked` is what the address has in open job escrows, `deposit` what is in its prepaid
     * deposit and `bond` what is in its provider bond (none of them is part of `balance`).
     * Every well-formed address exists; one that never received anything has zero balance.
     *
     */
    public getAccount<ThrowOnError extends boolean = true>(options: Options<GetAccountData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetAccountResponses, GetAccountErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/account/{address}',
            ...options
        });
    }
    
    /**
     * A job's escrow
     *
     * The on-chain escrow of a job as of the head block: `locked` after `escrow_lock`, then
     * `settled` (a release that paid the provider) or `refunded` (a release with `paid: "0"`).
     * No confirmed `escrow_lock` for the job: 404.
     *
     */
    public getEscrow<ThrowOnError extends boolean = true>(options: Options<GetEscrowData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetEscrowResponses, GetEscrowErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/escrow/{job_id}',
            ...options
        });
    }
    
    /**
     * An address's prepaid deposit
     *
     * The deposit of `address` as of the head block, and as of the finalized block
     * (`finalized`), which no reorg can undo. `status` is `none` (no deposit), `active`, or
     * `withdrawing` after a `deposit_withdraw`: settlements may still draw from it, and from
     * `unlock_height` on the owner may `deposit_release` the rest. `unlock_height` is null
     * unless `withdrawing`. Every well-formed address has an answer.
     *
     */
    public getDeposit<ThrowOnError extends boolean = true>(options: Options<GetDepositData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetDepositResponses, GetDepositErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/deposits/{address}',
            ...options
        });
    }
    
    /**
     * A settlement batch
     *
     * A confirmed `settlement_batch` of the canonical chain: the Merkle root of its receipt
     * hashes it anchored, how many jobs it paid and how much, its block and whether that block
     * is finalized. No such batch in a block: 404 `not_found`.
     *
     */
    public getSettlement<ThrowOnError extends boolean = true>(options: Options<GetSettlementData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetSettlementResponses, GetSettlementErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/settlements/{batch_id}',
            ...options
        });
    }
    
    /**
     * An address's provider bond
     *
     * The bond of `address` as of the head block, and as of the finalized block (`finalized`),
     * which no reorg can undo. `status` is `none` (no bond), `active`, or `unlocking` after a
     * `bond_unlock`: it may still be slashed, and from `unlock_height` on the owner may
     * `bond_release` the rest. `unlock_height` is null unless `unlocking`. Every well-formed
     * address has an answer.
     *
     */
    public getBond<ThrowOnError extends boolean = true>(options: Options<GetBondData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetBondResponses, GetBondErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/bonds/{address}',
            ...options
        });
    }
    
    /**
     * The verification pool
     *
     * What the verification pool holds as of the head block, and as of the finalized block
     * (`finalized`). Every `bond_slash` moves its `penalty` here, and every `escrow_release` and
     * `settlement_batch` item its `pool_fee`; a `pool_payout` pays a verification re-run from it.
     * The pool is part of the supply (supply = balances + open escrows + deposits + bonds + the pool).
     *
     */
    public getVerificationPool<ThrowOnError extends boolean = true>(options?: Options<GetVerificationPoolData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetVerificationPoolResponses, GetVerificationPoolErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/verification-pool',
            ...options
        });
    }
    
    /**
     * Sync and peer status
     *
     * This node's head, its peers' heads and whether it is catching up. `syncing` is true while a
     * connected peer reports a heavier chain than ours.
     *
     */
    public getSyncStatus<ThrowOnError extends boolean = true>(options?: Options<GetSyncStatusData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetSyncStatusResponses, GetSyncStatusErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/sync/status',
            ...options
        });
    }
    
    /**
     * Validators caught signing two blocks for one height
     *
     * Every time this node saw one validator sign two different blocks for the same height, it
     * refused the second and kept both signed headers here, newest first. Anyone can re-check
     * the proof: both headers verify under the proposer's key and name the same height.
     *
     */
    public listEquivocations<ThrowOnError extends boolean = true>(options?: Options<ListEquivocationsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListEquivocationsResponses, ListEquivocationsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/evidence/equivocations',
            ...options
        });
    }
    
    /**
     * Fund an address (dev chains)
     *
     * Dev chains only, admin key (`AITBC_ADMIN_API_KEY`). The node signs a `faucet` transaction
     * with its own validator key, submits it, and waits until a block includes it (up to about
     * ten block times); if none does in time, the answer says `status: pending` and the
     * transaction stays in the mempool. A chain whose genesis has `dev: false`, or a node without
     * a validator key, answers 403 `faucet_disabled`. Retrying with the same `Idempotency-Key`
     * returns the first answer and funds once.
     *
     */
    public requestFaucet<ThrowOnError extends boolean = true>(options: Options<RequestFaucetData, ThrowOnError>) {
        return (options.client ?? this.client).post<RequestFaucetResponses, RequestFaucetErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/faucet',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
}
