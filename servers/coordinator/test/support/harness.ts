// Starts a real coordinator in-process on port 0 with a fresh database (SQLite, or PostgreSQL when
// AITBC_TEST_DATABASE_URL is set) and the settlement test double, and gives typed SDK clients.
import { randomBytes } from "node:crypto";
import {
  AitbcError,
  createAitbcClient,
  toMicro,
  type AitbcClient,
  type CoordinatorTypes,
} from "@aitbc/sdk";
import { createLogger, createTestDatabase, type Knex } from "@aitbc/server-lib";
import { eventually as pollEventually } from "@aitbc/server-lib/testing";
import {
  loadCoordinatorConfig,
  startCoordinator,
  type CoordinatorConfig,
  type CoordinatorOverrides,
  type RunningCoordinator,
} from "../../src/index.js";
import { SettlementDouble } from "./settlement-double.js";

export interface Harness {
  url: string;
  coordinator: RunningCoordinator;
  config: CoordinatorConfig;
  settlement: SettlementDouble;
  admin: AitbcClient;
  /** An SDK client with this key and retries off, so failures show as they are. */
  as(apiKey: string | undefined): AitbcClient;
  db(): Knex;
  /** Stops and starts the coordinator on the same database (and, by default, the same port). */
  restart(opts?: { samePort?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  kind: "sqlite" | "postgres",
  overrides: Partial<CoordinatorConfig> = {},
  settlement = new SettlementDouble(),
  /** More of the outside world (an address provider, a deposit reader). */
  outside: Pick<
    CoordinatorOverrides,
    "addresses" | "depositReader" | "batchChain" | "slashChain" | "verifierPayouts"
  > = {},
): Promise<Harness> {
  const database = createTestDatabase(kind);
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const config: CoordinatorConfig = {
    ...loadCoordinatorConfig({
      AITBC_ADMIN_API_KEY: adminApiKey,
      AITBC_COORDINATOR_SEALING_KEY: randomBytes(32).toString("base64url"),
      AITBC_DATABASE_URL: database.url,
    }),
    port: 0,
    host: "127.0.0.1",
    ...(database.schema ? { databaseSchema: database.schema } : {}),
    leaseTtlS: 30,
    heartbeatIntervalS: 10,
    sweepIntervalMs: 50,
    settleWaitMs: 2000,
    rateLimit: false,
    // Component tests bill scripted durations (36 s for 1 AITBC) for jobs they hold for
    // milliseconds; the production bound is tested with its default in metering-bounds.test.ts.
    meteringToleranceMs: 3_600_000,
    ...overrides,
  };
  const logger = createLogger("coordinator", process.env.AITBC_LOG_LEVEL ?? "silent");
  let coordinator = await startCoordinator(config, { ...outside, settlement, logger });
  const as = (apiKey: string | undefined) =>
    createAitbcClient({ coordinatorUrl: coordinator.url, apiKey, http: { retries: 0 } });
  const h: Harness = {
    get url() {
      return coordinator.url;
    },
    get coordinator() {
      return coordinator;
    },
    config,
    settlement,
    get admin() {
      return as(adminApiKey);
    },
    as,
    db: () => coordinator.context.db,
    async restart(opts = {}) {
      const port = opts.samePort === false ? 0 : coordinator.port;
      await coordinator.close();
      coordinator = await startCoordinator({ ...config, port }, { ...outside, settlement, logger });
    },
    async close() {
      await coordinator.close();
      await database.destroy();
    },
  };
  return h;
}

export interface Account {
  id: string;
  apiKey: string;
  address: string;
  client: AitbcClient;
}

export async function createAccount(
  h: Harness,
  role: "customer" | "provider" | "admin",
  id?: string,
  extra: { tenant_id?: string; name?: string } = {},
  creator: AitbcClient = h.admin,
): Promise<Account> {
  const a = await creator.coordinator.createAccount({
    body: {
      name: extra.name ?? `${role} ${id ?? ""}`.trim(),
      role,
      ...(id ? { id } : {}),
      ...(extra.tenant_id ? { tenant_id: extra.tenant_id } : {}),
    },
  });
  return { id: a.id, apiKey: a.api_key, address: a.address, client: h.as(a.api_key) };
}

/** A customer with money in the settlement double. */
export async function fundedCustomer(h: Harness, id?: string, aitbc = 1000): Promise<Account> {
  const c = await createAccount(h, "customer", id);
  h.settlement.fund(c.apiKey, toMicro(aitbc));
  return c;
}

/** A provider's example service_config, with an availability window around now. */
export function serviceConfig(
  serviceId: string,
  overrides: Partial<CoordinatorTypes.ServiceRegistration> = {},
): CoordinatorTypes.ServiceRegistration {
  const now = Date.now();
  return {
    service_id: serviceId,
    name: "GPU Computing Service",
    type: "gpu_compute",
    specs: {
      gpu_type: "NVIDIA RTX 4090",
      memory: "24GB",
      cuda_cores: 16384,
      supported_frameworks: ["PyTorch", "TensorFlow", "JAX"],
    },
    pricing: { rate_per_hour: 100, currency: "AITBC" },
    availability: {
      start_time: new Date(now - 86_400_000).toISOString(),
      end_time: new Date(now + 86_400_000).toISOString(),
      timezone: "UTC",
    },
    ...overrides,
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails after the deadline. */
export function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return pollEventually(check, what, timeoutMs);
}

/** Runs `fn` and returns the AitbcError it throws (fails the test if it does not throw). */
export async function failure(fn: () => Promise<unknown>): Promise<AitbcError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AitbcError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** Waits until every release and refund the coordinator decided on has reached the settlement double. */
export async function settlementsDone(h: Harness): Promise<void> {
  await eventually(async () => {
    const [r] = await h.db()("settlement_outbox").where({ status: "pending" }).count({ n: "*" });
    return Number(r?.n ?? 0) === 0;
  }, "pending settlements");
}
