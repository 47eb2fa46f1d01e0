// This file is auto-generated from spec/ by scripts/gen.mjs. Do not edit it by hand; run `npm run gen`.

import { client } from './client.gen.js';
import type { Client, Options as Options2, TDataShape } from './client/index.js';
import type { CreateOrderData, CreateOrderErrors, CreateOrderResponses, GetHealthData, GetHealthErrors, GetHealthResponses, GetOrderData, GetOrderErrors, GetOrderResponses, GetRatesData, GetRatesErrors, GetRatesResponses, ListOrdersData, ListOrdersErrors, ListOrdersResponses } from './types.gen.js';

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
            throw new Error(`No SDK client found. Create one with "new ExchangeApi()" to fix this error.`);
        }
        return instance;
    }
    
    set(value: T, key?: string): void {
        this.instances.set(key ?? this.defaultKey, value);
    }
}

export class ExchangeApi extends HeyApiClient {
    public static readonly __registry = new HeyApiRegistry<ExchangeApi>();
    
    constructor(args?: {
        client?: Client;
        key?: string;
    }) {
        super(args);
        ExchangeApi.__registry.set(this, args?.key);
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
     * Current exchange rate
     *
     * The fixed rate (1 BTC = 100,000 AITBC) and the order limits. Public.
     */
    public getRates<ThrowOnError extends boolean = true>(options?: Options<GetRatesData, ThrowOnError>) {
        return (options?.client ?? this.client).get<GetRatesResponses, GetRatesErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            url: '/api/v1/rates',
            ...options
        });
    }
    
    /**
     * The caller's orders
     *
     * The caller's orders, newest first. The admin key sees every order.
     */
    public listOrders<ThrowOnError extends boolean = true>(options?: Options<ListOrdersData, ThrowOnError>) {
        return (options?.client ?? this.client).get<ListOrdersResponses, ListOrdersErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/orders',
            ...options
        });
    }
    
    /**
     * Order AITBC for testnet BTC
     *
     * Give either `amount_aitbc` (how much AITBC to receive) or `amount_btc` (how much BTC to pay),
     * not both. The answer carries a fresh BTC deposit address and the exact satoshis to send;
     * the AITBC is minted to the caller's chain address once the deposit is confirmed. When
     * `amount_aitbc` is not a whole number of satoshis, the satoshis are rounded up.
     *
     */
    public createOrder<ThrowOnError extends boolean = true>(options: Options<CreateOrderData, ThrowOnError>) {
        return (options.client ?? this.client).post<CreateOrderResponses, CreateOrderErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/orders',
            ...options,
            headers: {
                'Content-Type': 'application/json',
                ...options.headers
            }
        });
    }
    
    /**
     * One order and its payment status
     *
     * Another account's order is 404, so order ids do not leak. The admin key sees every order.
     */
    public getOrder<ThrowOnError extends boolean = true>(options: Options<GetOrderData, ThrowOnError>) {
        return (options.client ?? this.client).get<GetOrderResponses, GetOrderErrors, ThrowOnError, 'data'>({
            responseStyle: 'data',
            security: [{ name: 'X-API-Key', type: 'apiKey' }],
            url: '/api/v1/orders/{order_id}',
            ...options
        });
    }
}
