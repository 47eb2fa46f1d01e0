// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { CreateAccountData, CreateAccountErrors, CreateAccountResponses, CreateTransferData, CreateTransferErrors, CreateTransferResponses, GetBalanceData, GetBalanceErrors, GetBalanceResponses, GetDepositData, GetDepositErrors, GetDepositResponses, GetHealthData, GetHealthErrors, GetHealthResponses, GetWalletBondData, GetWalletBondErrors, GetWalletBondResponses, ListTransactionsData, ListTransactionsErrors, ListTransactionsResponses, LockBondData, LockBondErrors, LockBondResponses, LockDepositData, LockDepositErrors, LockDepositResponses, LockEscrowData, LockEscrowErrors, LockEscrowResponses, ReleaseBondData, ReleaseBondErrors, ReleaseBondResponses, ReleaseDepositData, ReleaseDepositErrors, ReleaseDepositResponses, UnlockBondData, UnlockBondErrors, UnlockBondResponses, WithdrawDepositData, WithdrawDepositErrors, WithdrawDepositResponses } from './types.gen.js';

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
            throw new Error(`No SDK client found. Create one with "new WalletApi()" to fix this error.`);
        }
        return instance;
    }
    
    set(value: T, key?: string): void {
        this.instances.set(key ?? this.defaultKey, value);
    }
}

export class WalletApi extends HeyApiClient {
    public static readonly __registry = new HeyApiRegistry<WalletApi>();
    
    constructor(args?: {
        client?: Client;
        key?: string;
    }) {
        super(args);
        WalletApi.__registry.set(this, args?.key);
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
     * The caller's balance
     *
     * The on-chain balance of the caller's address (`{"balance": 100.0, "currency": "AITBC"}` as the CLI prints it),
     * plus the address, the exact micro amount and what is locked in open job escrows.
     * With `address`, the balance of any address (chain data is public; a valid key is still needed).
     * The admin key has no account of its own and must pass `address`.
     *
     */
    public getBalance<ThrowOnError extends boolean = true>(options?: Options<GetBalanceData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetBalanceResponses, GetBalanceErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/balance',
            ...options
        });
    }
    
    /**
     * Send AITBC from the caller's address
     *
     * Signs a `transfer` from the caller's custodial key, submits it to the node and waits (up to
     * the wallet's confirmation timeout) until a block includes it. If no block includes it in
     * time, the answer is still 201 with `status: pending`; the transaction stays in the mempool.
     * Not enough balance: 402 `insufficient_funds` and no transaction.
     *
     * The signed transfer is recorded before the node sees it, and from then on it is that one
     * signature: the wallet keeps submitting the same bytes (after a lost answer, a node restart
     * or its own restart) until a block has them or the chain refuses them for good. Retrying
     * with the same `Idempotency-Key` answers with that transfer and its current `status`, and
     * moves the money once. So a 503 may still end in a transfer: retry with the same key to
     * learn the outcome.
     *
     */
    public createTransfer<ThrowOnError extends boolean = true>(options: Options<CreateTransferData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateTransferResponses, CreateTransferErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/transfer',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * The caller's transaction history
     *
     * Every chain transaction that moved money to or from the caller's address (or `address`),
     * newest first, including those signed outside this wallet. Pending (mempool) transactions
     * are not listed; confirmed ones carry their block height.
     *
     */
    public listTransactions<ThrowOnError extends boolean = true>(options?: Options<ListTransactionsData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListTransactionsResponses, ListTransactionsErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/transactions',
            ...options
        });
    }
    
    /**
     * Create (or return) an account's custodial key
     *
     * Admin key only. Generates an ed25519 key for the coordinator account `account_id`, stores it
     * encrypted at rest and returns its address and public key. Calling it again for the same
     * account returns the same key (200), so the coordinator may retry freely. The secret key
     * never leaves the wallet.
     *
     */
    public createAccount<ThrowOnError extends boolean = true>(options: Options<CreateAccountData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateAccountResponses, CreateAccountErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/accounts',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Lock a job's budget on chain
     *
     * Called by the coordinator when a job is created, **with the customer's own key**. The wallet
     * signs an `escrow_lock {job_id, amount}` from the customer's address, submits it and answers
     * once a block includes it. Not enough balance: 402 `insufficient_funds` and no transaction.
     * A job is locked at most once: a retry for the same `job_id` (same customer, same amount)
     * returns the existing lock with 200; another amount or customer is 409 `conflict`.
     * No block in time: 504 `timeout`; retrying waits for the same transaction, it never signs a
     * second one.
     *
     */
    public lockEscrow<ThrowOnError extends boolean = true>(options: Options<LockEscrowData, ThrowOnError>) {
        return (options.client ?? this.client).post<LockEscrowResponses, LockEscrowErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/escrow/lock',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * The caller's prepaid deposit
     *
     * The deposit of the caller's address (or `address`), read from the node: as of the head
     * block and as of the finalized block (`finalized`), which no reorg can undo. `status` is
     * `none`, `active`, or `withdrawing` after a withdraw; then `unlock_height` is the first
     * block that may include the release, and `releasable` says whether the next block is
     * one. The admin key has no account of its own and must pass `address`.
     *
     */
    public getDeposit<ThrowOnError extends boolean = true>(options?: Options<GetDepositData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetDepositResponses, GetDepositErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/deposit',
            ...options
        });
    }
    
    /**
     * Add to the caller's prepaid deposit
     *
     * Signs a `deposit_lock {amount}` from the caller's custodial key, submits it and answers
     * once a block includes it. It creates the deposit or tops it up; during a withdrawal it also
     * cancels the withdrawal (the deposit is `active` again). Below the chain's minimum
     * (`min_escrow_micro` of the node's `GET /api/v1/chain`): 400 naming `body.amount`. Not enough
     * balance: 402 `insufficient_funds` and no transaction. No block in time: 504 `timeout`.
     * With the same `Idempotency-Key` a retry answers with the first result and locks once.
     *
     */
    public lockDeposit<ThrowOnError extends boolean = true>(options: Options<LockDepositData, ThrowOnError>) {
        return (options.client ?? this.client).post<LockDepositResponses, LockDepositErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/deposit/lock',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Start withdrawing the caller's deposit
     *
     * Signs a `deposit_withdraw {}`, which starts the chain's withdrawal delay
     * (`withdraw_delay_blocks`). The answer's `deposit.unlock_height` is the first block that may
     * include the release, and `deposit.unlock_estimated_at` about when that is. Until then the
     * coordinator may still settle jobs already run from the deposit. No deposit: 409 `conflict`;
     * already withdrawing: 409 `withdrawal_pending` with `unlock_height`.
     *
     */
    public withdrawDeposit<ThrowOnError extends boolean = true>(options: Options<WithdrawDepositData, ThrowOnError>) {
        return (options.client ?? this.client).post<WithdrawDepositResponses, WithdrawDepositErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/deposit/withdraw',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Take back what is left of the caller's deposit
     *
     * Signs a `deposit_release {}` once the withdrawal delay has passed: what is left of the
     * deposit returns to the caller's balance (`amount`) and the deposit closes. Too early: 409
     * `withdrawal_pending` with `unlock_height` (the block to wait for) and `height` (the head now);
     * no withdrawal started: 409 `withdrawal_not_started`; no deposit: 409 `conflict`.
     *
     */
    public releaseDeposit<ThrowOnError extends boolean = true>(options: Options<ReleaseDepositData, ThrowOnError>) {
        return (options.client ?? this.client).post<ReleaseDepositResponses, ReleaseDepositErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/deposit/release',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * The caller's provider bond
     *
     * The provider bond of the caller's address (or `address`), read from the node: as of the head
     * block and as of the finalized block (`finalized`), which no reorg can undo. `status` is
     * `none`, `active`, or `unlocking` after an unlock; then `unlock_height` is the first block
     * that may include the release, and `releasable` says whether the next block is one. An
     * unlocking bond may still be slashed. The admin key has no account of its own and must pass
     * `address`.
     *
     */
    public getWalletBond<ThrowOnError extends boolean = true>(options?: Options<GetWalletBondData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetWalletBondResponses, GetWalletBondErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/bond',
            ...options
        });
    }
    
    /**
     * Add to the caller's provider bond
     *
     * Signs a `bond_lock {amount}` from the caller's custodial key (a provider's), submits it and
     * answers once a block includes it. It creates the bond or tops it up; during an unlock it
     * also cancels the unlock (the bond is `active` again). Not enough balance: 402
     * `insufficient_funds` and no transaction. No block in time: 504 `timeout`. With the same
     * `Idempotency-Key` a retry answers with the first result and locks once.
     *
     */
    public lockBond<ThrowOnError extends boolean = true>(options: Options<LockBondData, ThrowOnError>) {
        return (options.client ?? this.client).post<LockBondResponses, LockBondErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/bond/lock',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Start unlocking the caller's provider bond
     *
     * Signs a `bond_unlock {}`, which starts the chain's unlock delay
     * (`bond_unlock_delay_blocks`). The answer's `bond.unlock_height` is the first block that may
     * include the release, and `bond.unlock_estimated_at` about when that is. Until the release
     * the bond may still be slashed. No bond: 409 `conflict`; already unlocking: 409
     * `bond_unlock_pending` with `unlock_height`.
     *
     */
    public unlockBond<ThrowOnError extends boolean = true>(options: Options<UnlockBondData, ThrowOnError>) {
        return (options.client ?? this.client).post<UnlockBondResponses, UnlockBondErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/bond/unlock',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * Take back what is left of the caller's provider bond
     *
     * Signs a `bond_release {}` once the unlock delay has passed: what is left of the bond returns
     * to the caller's balance (`amount`) and the bond closes. Too early: 409
     * `bond_unlock_pending` naming the block to wait for (`unlock_height`) and the head now
     * (`height`); no unlock started: 409 `bond_unlock_not_started`; no bond: 409 `conflict`.
     *
     */
    public releaseBond<ThrowOnError extends boolean = true>(options: Options<ReleaseBondData, ThrowOnError>) {
        return (options.client ?? this.client).post<ReleaseBondResponses, ReleaseBondErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/wallet/bond/release',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
}
