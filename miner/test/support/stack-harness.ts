// The real coordinator in-process on port 0 (fresh SQLite or PostgreSQL database, the ledger test
// double for money), a provider with an example service, a funded customer, and helpers to run
// miners and follow jobs the way a customer does: through the SDK and the job's WebSocket.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createAitbcClient,
  streamJobEvents,
  toMicro,
  type AitbcClient,
  type CoordinatorTypes,
  type JobEvent,
} from "@aitbc/sdk";
import { createLogger as createServerLogger, createTestDatabase } from "@aitbc/server-lib";
import { eventually as pollEventually } from "@aitbc/server-lib/testing";
import {
  loadCoordinatorConfig,
  startCoordinator,
  type CoordinatorConfig,
  type RunningCoordinator,
} from "@aitbc/coordinator";
import { createLogger, startMiner, type MinerOptions, type RunningMiner } from "../../src/index.js";
import { LedgerSettlement } from "./ledger-settlement.js";

export const SERVICE_ID = "gpu-compute-001";
export const PROVIDER_ID = "gpu-compute-pro";

export interface Account {
  id: string;
  apiKey: string;
  client: AitbcClient;
}

export interface Stack {
  url: string;
  coordinator: RunningCoordinator;
  /** Stops the coordinator (miners see it vanish); `restart()` brings it back on the same port. */
  stopCoordinator(): Promise<void>;
  restartCoordinator(): Promise<void>;
  /** Registers another service of the provider (e.g. with another price: per hour, or a pricing). */
  addService(serviceId: string, price: number | CoordinatorTypes.PricingInput): Promise<void>;
  settlement: LedgerSettlement;
  admin: AitbcClient;
  provider: Account;
  customer: Account;
  /** Starts a miner of the provider with its own temp data dir; closed by stack.close(). */
  miner(options?: Partial<MinerOptions>): Promise<RunningMiner>;
  dataDir(): Promise<string>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** The service's price, AITBC per hour. */
  ratePerHour?: number;
  config?: Partial<CoordinatorConfig>;
}

export async function startStack(
  kind: "sqlite" | "postgres",
  options: StackOptions = {},
): Promise<Stack> {
  const database = createTestDatabase(kind);
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const config: CoordinatorConfig = {
    ...loadCoordinatorConfig({
      AITBC_ADMIN_API_KEY: adminApiKey,
      AITBC_DEV: "1",
      AITBC_DATABASE_URL: database.url,
    }),
    port: 0,
    host: "127.0.0.1",
    ...(database.schema ? { databaseSchema: database.schema } : {}),
    leaseTtlS: 4,
    heartbeatIntervalS: 1,
    sweepIntervalMs: 50,
    settleWaitMs: 5000,
    rateLimit: false,
    ...options.config,
  };
  const settlement = new LedgerSettlement();
  const serverLogger = createServerLogger("coordinator", process.env.AITBC_LOG_LEVEL ?? "silent");
  let coordinator = await startCoordinator(config, { settlement, logger: serverLogger });
  let stopped = false;
  const as = (apiKey: string) =>
    createAitbcClient({ coordinatorUrl: coordinator.url, apiKey, http: { retries: 0 } });
  const admin = as(adminApiKey);
  const account = async (role: "customer" | "provider", id: string): Promise<Account> => {
    const a = await admin.coordinator.createAccount({ body: { id, name: id, role } });
    return { id: a.id, apiKey: a.api_key, client: as(a.api_key) };
  };
  const provider = await account("provider", PROVIDER_ID);
  const customer = await account("customer", "customer-123");
  settlement.fund(customer.apiKey, toMicro(10_000));
  const addService = async (serviceId: string, price: number | CoordinatorTypes.PricingInput) => {
    const now = Date.now();
    await provider.client.coordinator.registerService({
      body: {
        service_id: serviceId,
        name: "GPU Computing Service",
        type: "gpu_compute",
        specs: { gpu_type: "none (CPU test miner)", memory: "0GB", models: ["aitbc-tiny:latest"] },
        pricing: typeof price === "number" ? { rate_per_hour: price, currency: "AITBC" } : price,
        availability: {
          start_time: new Date(now - 86_400_000).toISOString(),
          end_time: new Date(now + 86_400_000).toISOString(),
        },
      },
    });
  };
  await addService(SERVICE_ID, options.ratePerHour ?? 100);

  const miners: RunningMiner[] = [];
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "aitbc-miner-"));
    dirs.push(dir);
    return dir;
  };
  return {
    get url() {
      return coordinator.url;
    },
    get coordinator() {
      return coordinator;
    },
    async stopCoordinator() {
      stopped = true;
      await coordinator.close();
    },
    async restartCoordinator() {
      // Same database, same port: the miners' configured URL keeps working.
      coordinator = await startCoordinator(
        { ...config, port: coordinator.port },
        { settlement, logger: serverLogger },
      );
      stopped = false;
    },
    addService,
    settlement,
    admin,
    provider,
    customer,
    dataDir,
    async miner(overrides = {}) {
      const miner = await startMiner({
        coordinatorUrl: coordinator.url,
        apiKey: provider.apiKey,
        executor: "llamacpp",
        threads: 1,
        name: `test-miner-${miners.length + 1}`,
        dataDir: await dataDir(),
        logger: createLogger((process.env.AITBC_LOG_LEVEL as never) ?? "silent"),
        shutdownGraceMs: 5000,
        ...overrides,
      });
      miners.push(miner);
      return miner;
    },
    async close() {
      await Promise.allSettled(miners.map((m) => m.close()));
      if (!stopped) await coordinator.close();
      await database.destroy();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

export interface JobInput {
  serviceId?: string;
  prompt?: string;
  maxTokens?: number;
  temperature?: number;
  seed?: number;
  budget?: number;
  ttlSeconds?: number;
  model?: string;
}

export async function submitJob(stack: Stack, input: JobInput = {}): Promise<CoordinatorTypes.Job> {
  return stack.customer.client.coordinator.createJob({
    body: {
      service_id: input.serviceId ?? SERVICE_ID,
      requirements: {
        task_type: "inference",
        model: input.model ?? "aitbc-tiny:latest",
        prompt: input.prompt ?? "Hello AITBC",
        ...(input.maxTokens !== undefined ? { max_tokens: input.maxTokens } : {}),
        temperature: input.temperature ?? 0,
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
      },
      budget: { max_cost: input.budget ?? 5, currency: "AITBC" },
      ...(input.ttlSeconds !== undefined ? { ttl_seconds: input.ttlSeconds } : {}),
    },
  }) as Promise<CoordinatorTypes.Job>;
}

/** Follows the job's WebSocket as the customer; `onEvent` sees each event as it arrives. */
export function followJob(
  stack: Stack,
  jobId: string,
  onEvent?: (event: JobEvent) => void,
): { events: Promise<JobEvent[]>; close(): void } {
  const stream = streamJobEvents(jobId, {
    coordinatorUrl: stack.url,
    apiKey: stack.customer.apiKey,
  });
  const events = (async () => {
    const seen: JobEvent[] = [];
    for await (const event of stream) {
      seen.push(event);
      onEvent?.(event);
    }
    return seen;
  })();
  return { events, close: () => stream.close() };
}

export function tokenText(events: JobEvent[]): string {
  return events
    .filter((e) => e.type === "progress" && (e.data as { kind: string }).kind === "token")
    .map((e) => (e.data as { text: string }).text)
    .join("");
}

/** Polls until `check` returns a value (not undefined/false), or fails after the deadline. */
export function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return pollEventually(check, what, timeoutMs);
}
