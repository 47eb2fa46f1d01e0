// startStack(): the whole marketplace on one machine. Nodes first (everything else needs the
// chain), then the wallet, coordinator and exchange, then the dev accounts and service, then the
// miner; the stack counts as up only when a customer could submit a job and have it run.
import { createAitbcClient, type AitbcClient } from "@aitbc/sdk";
import { ensureDevAccount } from "./bootstrap/dev-accounts.js";
import { ensureFunded } from "./bootstrap/dev-funding.js";
import { DEV_MODEL, DEV_SERVICE_ID, ensureDevService } from "./bootstrap/dev-service.js";
import { waitForServedModel } from "./bootstrap/wait-miner.js";
import { readJsonFile } from "./files/json-file.js";
import {
  writeDevCredentials,
  writeStackJson,
  type DevCredentials,
  type StackUrls,
} from "./files/stack-files.js";
import { defaultDataDir, PROJECT_ROOT, stackPaths, type StackPaths } from "./files/stack-paths.js";
import { loadOrCreateGenesis } from "./material/dev-genesis.js";
import { loadOrCreateDevSecrets } from "./material/dev-secrets.js";
import { freePortPlan } from "./ports/free-ports.js";
import { assertPortsFree } from "./ports/port-check.js";
import { planPorts, portsOf, type PortPlan } from "./ports/port-plan.js";
import { findPackageMain, type PackageMain } from "./process/package-main.js";
import { acquireStackLock } from "./process/stack-lock.js";
import {
  SupervisedProcess,
  type ExitInfo,
  type LineListener,
} from "./process/supervised-process.js";
import { checkHealth, ServiceStartError, waitHealthy } from "./process/wait-healthy.js";
import {
  coordinatorService,
  exchangeService,
  minerService,
  nodeServices,
  PACKAGES,
  stackServiceUrls,
  walletService,
  webService,
  type PlanContext,
  type ServiceDefinition,
  type ServiceKind,
} from "./services/service-plan.js";

export interface StartStackOptions {
  /** Default: AITBC_DATA_DIR, else `.aitbc/` in the project root. */
  dataDir?: string;
  /**
   * `"free"`: ports from the OS (tests, CI). `{ base }`: the seed's ports shifted to `base`.
   * A full plan is used as given. Default: the environment (AITBC_PORT_BASE, per-service variables).
   */
  ports?: "free" | { base: number } | PortPlan;
  /** Bind address (default AITBC_HOST or 127.0.0.1). */
  host?: string;
  /** Where port variables and inherited settings are read from (default process.env). */
  env?: Record<string, string | undefined>;
  validators?: number;
  /** Log level of the services (default AITBC_LOG_LEVEL or info). */
  logLevel?: string;
  /** Longest wait for each phase (default 60 s). */
  phaseTimeoutMs?: number;
  /** Start the exchange when its package is built (default true). */
  exchange?: boolean;
  /** Start the web pages (marketplace, explorer, miner dashboard) when built (default true). */
  web?: boolean;
  /** Aborting it during startup stops what was started and rejects with the abort reason. */
  signal?: AbortSignal;
  /** Every line a service prints (the terminal summary). */
  onLine?: LineListener;
  /** Progress of the startup. */
  onStep?: (step: StackStep) => void;
  /** A service exited without being asked to. */
  onCrash?: (crash: ServiceCrash) => void;
}

export type StackStep =
  | { kind: "leftovers"; processes: Array<{ name: string; pid: number }> }
  | { kind: "secrets"; created: boolean; chainId: string }
  | { kind: "starting"; services: string[] }
  | { kind: "healthy"; services: string[]; ms: number }
  | { kind: "accounts"; created: string[] }
  | { kind: "funded"; address: string; amount: number }
  | { kind: "miner-online"; model: string; ms: number }
  | {
      kind: "optional-failed";
      service: string;
      message: string;
      logTail: string[];
      logFile: string;
    }
  | { kind: "ready"; ms: number };

export interface ServiceCrash {
  service: string;
  /** An optional service (exchange, web pages): the rest of the stack can go on without it. */
  optional: boolean;
  exit: ExitInfo;
  logFile: string;
  tail: string[];
}

export interface ServiceStatus {
  service: string;
  url: string | null;
  health: string;
  pid: number | undefined;
}

export interface RunningStack {
  urls: StackUrls;
  /** Optional services that are not running, and why. */
  unavailable: Array<{ service: "exchange" | "web"; reason: "not built" | "failed to start" }>;
  credentials: DevCredentials;
  paths: StackPaths;
  ports: PortPlan;
  chainId: string;
  /** Milliseconds from the call to a stack that can run a job. */
  startupMs: number;
  /** Every service with its URL and current health. */
  status(): Promise<ServiceStatus[]>;
  /** Stops every service (SIGTERM, then SIGKILL after the grace period) and releases the data dir. */
  stop(): Promise<void>;
}

export class StackIncompleteError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `The stack needs ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not built (no bin in dist/). Run npm run build (or npm ci) first.`,
    );
    this.name = "StackIncompleteError";
  }
}

const REQUIRED: ServiceKind[] = ["node", "wallet", "coordinator", "miner"];
const OPTIONAL: ServiceKind[] = ["exchange", "web"];

async function resolvePorts(
  option: StartStackOptions["ports"],
  env: Record<string, string | undefined>,
  validators: number,
  host: string,
): Promise<PortPlan> {
  if (option === "free") return freePortPlan(validators, host);
  if (option && "coordinator" in option) return option;
  return planPorts({ env, validators, base: option?.base });
}

export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const validators = options.validators ?? 3;
  const host = options.host ?? (env.AITBC_HOST || "127.0.0.1");
  const phaseTimeoutMs = options.phaseTimeoutMs ?? 60_000;
  const step = options.onStep ?? (() => {});
  const paths = stackPaths(options.dataDir ?? defaultDataDir(env));

  const mains = new Map<ServiceKind, PackageMain>();
  for (const kind of Object.keys(PACKAGES) as ServiceKind[]) {
    const main = findPackageMain(PACKAGES[kind], PROJECT_ROOT);
    if (main) mains.set(kind, main);
  }
  const missing = REQUIRED.filter((k) => !mains.has(k)).map((k) => PACKAGES[k]);
  if (missing.length > 0) throw new StackIncompleteError(missing);
  let withExchange = options.exchange !== false && mains.has("exchange");
  let withWeb = options.web !== false && mains.has("web");

  const ports = await resolvePorts(options.ports, env, validators, host);
  const needed = portsOf(ports).filter(
    (p) =>
      p.name.startsWith("node-") ||
      p.name === "coordinator" ||
      p.name === "wallet" ||
      (withExchange && (p.name === "exchange" || p.name === "fake_bitcoin")) ||
      (withWeb && ["marketplace", "explorer", "miner_dashboard"].includes(p.name)),
  );
  await assertPortsFree(needed, host);

  const lock = await acquireStackLock(paths.pidFile, paths.root);
  if (lock.leftovers.length > 0) step({ kind: "leftovers", processes: lock.leftovers });
  const processes: Array<{ def: ServiceDefinition; proc: SupervisedProcess }> = [];
  let stopping = false;

  const spawnService = (def: ServiceDefinition) => {
    const main = mains.get(def.kind)!;
    const proc = new SupervisedProcess(
      {
        name: def.name,
        script: main.script,
        args: def.args,
        env: def.env,
        logFile: paths.logFile(def.name),
        cwd: PROJECT_ROOT,
      },
      options.onLine,
    );
    processes.push({ def, proc });
    lock.update(
      processes.map(({ def: d, proc: p }) => ({
        name: d.name,
        pid: p.pid ?? 0,
        script: mains.get(d.kind)!.script,
      })),
    );
    void proc.exited.then((exit) => {
      if (!exit.expected && !stopping) {
        options.onCrash?.({
          service: def.name,
          optional: OPTIONAL.includes(def.kind),
          exit,
          logFile: proc.logFile,
          tail: proc.tail(),
        });
      }
    });
    return proc;
  };

  /**
   * Starts `defs` and waits until they are healthy. A required service that fails ends the
   * startup; an optional one (exchange, web pages) is stopped and reported, and the stack goes on
   * without it, so a half-finished page build does not take the marketplace down with it.
   */
  const startPhase = async (defs: ServiceDefinition[]): Promise<Set<ServiceKind>> => {
    options.signal?.throwIfAborted();
    const t0 = Date.now();
    step({ kind: "starting", services: defs.map((d) => d.name) });
    const procs = defs.map(spawnService);
    const failed = new Set<ServiceKind>();
    await Promise.all(
      defs.map(async (d, i) => {
        if (!d.healthUrl) return;
        try {
          await waitHealthy(procs[i]!, d.healthUrl, phaseTimeoutMs, options.signal);
        } catch (err) {
          if (!OPTIONAL.includes(d.kind) || !(err instanceof ServiceStartError)) throw err;
          await procs[i]!.stop(5000);
          processes.splice(
            processes.findIndex((p) => p.proc === procs[i]),
            1,
          );
          failed.add(d.kind);
          step({
            kind: "optional-failed",
            service: d.name,
            message: err.message,
            logTail: err.logTail,
            logFile: err.logFile,
          });
        }
      }),
    );
    const healthy = defs.filter((d) => !failed.has(d.kind)).map((d) => d.name);
    step({ kind: "healthy", services: healthy, ms: Date.now() - t0 });
    return failed;
  };

  // The children run in their own process groups, so they would outlive a launcher (or a test
  // process) that exits without stop(): take them down with it.
  const killOnExit = () => {
    for (const { proc } of processes) proc.kill();
  };
  process.on("exit", killOnExit);

  const stopAll = async () => {
    stopping = true;
    process.off("exit", killOnExit);
    const byKind = (kinds: ServiceKind[]) => processes.filter((p) => kinds.includes(p.def.kind));
    for (const group of [
      byKind(["miner", "web"]),
      byKind(["coordinator", "exchange", "wallet"]),
      byKind(["node"]),
    ]) {
      await Promise.all(group.map(({ proc }) => proc.stop(10_000)));
    }
    lock.release();
  };

  try {
    const { secrets, created } = loadOrCreateDevSecrets(paths.secrets, validators);
    step({ kind: "secrets", created, chainId: secrets.chain_id });
    loadOrCreateGenesis(paths.genesis, secrets);
    const adminApiKey = env.AITBC_ADMIN_API_KEY || secrets.admin_api_key;
    const ctx: PlanContext = {
      host,
      ports,
      paths,
      secrets,
      adminApiKey,
      logLevel: options.logLevel ?? (env.AITBC_LOG_LEVEL || "info"),
      parentEnv: env,
    };
    const base = stackServiceUrls(ctx);

    await startPhase(nodeServices(ctx));
    const failedOptional = await startPhase([
      walletService(ctx),
      coordinatorService(ctx),
      ...(withExchange ? [exchangeService(ctx, withWeb)] : []),
      ...(withWeb ? [webService(ctx, withExchange)] : []),
    ]);
    withExchange &&= !failedOptional.has("exchange");
    withWeb &&= !failedOptional.has("web");

    const admin: AitbcClient = createAitbcClient({
      coordinatorUrl: base.coordinator,
      nodeUrl: base.nodes[0],
      walletUrl: base.wallet,
      exchangeUrl: base.exchange,
      apiKey: adminApiKey,
    });
    const previous = readJsonFile<DevCredentials>(paths.credentials);
    const provider = await ensureDevAccount(
      admin,
      { id: "dev-provider", name: "Dev Provider", role: "provider" },
      previous?.provider,
    );
    const customer = await ensureDevAccount(
      admin,
      { id: "dev-customer", name: "Dev Customer", role: "customer" },
      previous?.customer,
    );
    const createdAccounts = [provider, customer].filter((a) => a.created).map((a) => a.account.id);
    if (createdAccounts.length) step({ kind: "accounts", created: createdAccounts });
    options.signal?.throwIfAborted();
    const providerClient = admin.withApiKey(provider.account.api_key);
    const service = await ensureDevService(
      providerClient,
      previous?.provider?.service_id ?? DEV_SERVICE_ID,
    );
    const funded = await ensureFunded(admin, customer.account.address);
    if (funded > 0) step({ kind: "funded", address: customer.account.address, amount: funded });

    const credentials: DevCredentials = {
      admin: { api_key: adminApiKey },
      provider: { ...provider.account, service_id: service.service_id },
      customer: customer.account,
    };
    writeDevCredentials(paths.credentials, credentials);

    const minerStart = Date.now();
    const miner = spawnService(minerService(ctx, provider.account.api_key));
    step({ kind: "starting", services: ["miner"] });
    try {
      await waitForServedModel(
        providerClient,
        service.service_id,
        DEV_MODEL,
        phaseTimeoutMs,
        () => miner.running,
        options.signal,
      );
    } catch (err) {
      if (options.signal?.aborted) throw err;
      // Give the exit a moment to land so the report says "exited", with the miner's last words.
      await Promise.race([miner.exited, new Promise((r) => setTimeout(r, 200))]);
      throw new ServiceStartError(
        "miner",
        `miner: ${(err as Error).message}`,
        miner.tail(),
        miner.logFile,
      );
    }
    step({ kind: "miner-online", model: DEV_MODEL, ms: Date.now() - minerStart });

    const unavailable: RunningStack["unavailable"] = [];
    for (const kind of OPTIONAL as Array<"exchange" | "web">) {
      if (failedOptional.has(kind)) unavailable.push({ service: kind, reason: "failed to start" });
      else if (!mains.has(kind)) unavailable.push({ service: kind, reason: "not built" });
    }
    const urls: StackUrls = {
      coordinator: base.coordinator,
      nodes: base.nodes,
      wallet: base.wallet,
      exchange: withExchange ? base.exchange : null,
      fake_bitcoin: withExchange ? base.fake_bitcoin : null,
      marketplace: withWeb ? base.marketplace : null,
      explorer: withWeb ? base.explorer : null,
      miner_dashboard: withWeb ? base.miner_dashboard : null,
    };
    writeStackJson(paths.stackJson, urls);
    const startupMs = Date.now() - started;
    step({ kind: "ready", ms: startupMs });

    return {
      urls,
      unavailable,
      credentials,
      paths,
      ports,
      chainId: secrets.chain_id,
      startupMs,
      async status() {
        return Promise.all(
          processes.map(async ({ def, proc }) => ({
            service: def.name,
            url: def.url ?? null,
            pid: proc.pid,
            health: !proc.running
              ? "exited"
              : def.healthUrl
                ? (await checkHealth(def.healthUrl)).status
                : "running",
          })),
        );
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
