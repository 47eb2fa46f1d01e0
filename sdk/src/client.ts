// createAitbcClient: one object with a typed client per service, all sharing the API key, the
// request sender (retries + idempotency keys) and the error mapping (problem+json → AitbcError).
import { CoordinatorApi } from "./gen/coordinator/sdk.gen.js";
import { NodeApi } from "./gen/node/sdk.gen.js";
import { WalletApi } from "./gen/wallet/sdk.gen.js";
import { ExchangeApi } from "./gen/exchange/sdk.gen.js";
import { createClient as createCoordinatorClient } from "./gen/coordinator/client/index.js";
import { createClient as createNodeClient } from "./gen/node/client/index.js";
import { createClient as createWalletClient } from "./gen/wallet/client/index.js";
import { createClient as createExchangeClient } from "./gen/exchange/client/index.js";
import { AitbcError, errorFromProblem, networkError } from "./errors.js";
import { defaultUrls } from "./ports.js";
import { createRequestSender, type RequestSenderOptions } from "./http/request-sender.js";
import { waitForJob, type JobResults, type WaitForJobOptions } from "./jobs/wait-for-job.js";

export interface AitbcClientOptions {
  coordinatorUrl?: string;
  nodeUrl?: string;
  walletUrl?: string;
  exchangeUrl?: string;
  /** Sent as `X-API-Key` on every request. */
  apiKey?: string;
  /** Retry and fetch settings; `retries: 0` turns retries off. */
  http?: RequestSenderOptions;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

export interface ServiceUrls {
  coordinatorUrl: string;
  nodeUrl: string;
  walletUrl: string;
  exchangeUrl: string;
}

/** The local stack's default ports (`npm start`). */
export const DEFAULT_URLS: Readonly<ServiceUrls> = (() => {
  const urls = defaultUrls();
  return {
    coordinatorUrl: urls.coordinator,
    nodeUrl: urls.nodes[0]!,
    walletUrl: urls.wallet,
    exchangeUrl: urls.exchange,
  };
})();

export interface AitbcClient {
  coordinator: CoordinatorApi;
  node: NodeApi;
  wallet: WalletApi;
  exchange: ExchangeApi;
  readonly options: Readonly<AitbcClientOptions & ServiceUrls>;
  /** The same client with another API key (for example a customer's and a provider's side by side). */
  withApiKey(apiKey: string | undefined): AitbcClient;
  /**
   * Resolves with the job's results (output, receipt, payment) once it has finished: completed,
   * failed, expired or cancelled (read `status`); with `until: "settled"` also once its payment is
   * final on chain. Throws JobWaitTimeoutError after `timeoutMs` and JobWaitAbortedError when
   * `signal` aborts; the job itself goes on either way.
   */
  waitForJob(jobId: string, options?: WaitForJobOptions): Promise<JobResults>;
}

type ClientFactory = typeof createCoordinatorClient;

function configure(
  factory: ClientFactory,
  baseUrl: string,
  opts: AitbcClientOptions,
  sender: typeof fetch,
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.apiKey) headers["X-API-Key"] = opts.apiKey;
  const client = factory({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    headers,
    fetch: sender,
    throwOnError: true,
  });
  client.interceptors.error.use(
    (error: unknown, response: Response | undefined, request: Request) => {
      if (error instanceof AitbcError) return error;
      if (!response) return networkError(error, request?.url);
      return errorFromProblem(error, response.status);
    },
  );
  return client;
}

export function createAitbcClient(options: AitbcClientOptions = {}): AitbcClient {
  const resolved: AitbcClientOptions & ServiceUrls = {
    ...DEFAULT_URLS,
    ...stripUndefined(options),
  };
  const sender = createRequestSender(options.http);
  const client: AitbcClient = {
    coordinator: new CoordinatorApi({
      client: configure(createCoordinatorClient, resolved.coordinatorUrl, resolved, sender),
    }),
    node: new NodeApi({ client: configure(createNodeClient, resolved.nodeUrl, resolved, sender) }),
    wallet: new WalletApi({
      client: configure(createWalletClient, resolved.walletUrl, resolved, sender),
    }),
    exchange: new ExchangeApi({
      client: configure(createExchangeClient, resolved.exchangeUrl, resolved, sender),
    }),
    options: resolved,
    withApiKey(apiKey) {
      return createAitbcClient({ ...options, apiKey });
    },
    waitForJob(jobId, waitOptions) {
      return waitForJob(client, jobId, waitOptions);
    },
  };
  return client;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
