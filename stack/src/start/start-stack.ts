// startStack(): the whole marketplace on one machine. Nodes first (everything else needs the
// chain), then the wallet, coordinator and exchange, then the dev accounts and service, then the
// miner; the stack counts as up only when a customer could submit a job and have it run.
import { createAitbcClient } from "@aitbc/sdk";
import { writeDevCredentials, writeStackJson } from "../files/stack-files.js";
import { defaultDataDir, stackPaths } from "../files/stack-paths.js";
import { loadOrCreateGenesis } from "../material/dev-genesis.js";
import { loadOrCreateDevSecrets } from "../material/dev-secrets.js";
import { acquireStackLock } from "../process/stack-lock.js";
import {
  coordinatorService,
  exchangeService,
  nodeServices,
  stackServiceUrls,
  walletService,
  webService,
  type PlanContext,
} from "../services/service-plan.js";
import { bootstrapDevAccounts } from "./dev-bootstrap.js";
import { startDevMiner } from "./miner-phase.js";
import { findServiceMains } from "./service-mains.js";
import { createServiceSpawner } from "./service-spawner.js";
import { assertStackPortsFree, resolvePorts } from "./stack-ports.js";
import type { RunningStack, StartStackOptions } from "./stack-types.js";
import { runningUrls, unavailableServices } from "./stack-urls.js";
import { startPhase, type PhaseContext } from "./startup-phase.js";

export { StackIncompleteError } from "./service-mains.js";
export type {
  RunningStack,
  ServiceCrash,
  ServiceStatus,
  StackStep,
  StartStackOptions,
} from "./stack-types.js";

export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const validators = options.validators ?? 3;
  const host = options.host ?? (env.AITBC_HOST || "127.0.0.1");
  const phaseTimeoutMs = options.phaseTimeoutMs ?? 60_000;
  const step = options.onStep ?? (() => {});
  const paths = stackPaths(options.dataDir ?? defaultDataDir(env));

  const mains = findServiceMains();
  let withExchange = options.exchange !== false && mains.has("exchange");
  let withWeb = options.web !== false && mains.has("web");

  const ports = await resolvePorts(options.ports, env, validators, host);
  await assertStackPortsFree(ports, host, { exchange: withExchange, web: withWeb });

  const lock = await acquireStackLock(paths.pidFile, paths.root);
  if (lock.leftovers.length > 0) step({ kind: "leftovers", processes: lock.leftovers });
  const spawner = createServiceSpawner(mains, paths, lock, options);
  const phase: PhaseContext = { spawner, phaseTimeoutMs, signal: options.signal, step };

  try {
    const { secrets, created } = loadOrCreateDevSecrets(paths.secrets, validators);
    step({ kind: "secrets", created, chainId: secrets.chain_id });
    loadOrCreateGenesis(paths.genesis, secrets, options.blockTimeMs);
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

    await startPhase(phase, nodeServices(ctx));
    const failedOptional = await startPhase(phase, [
      walletService(ctx),
      coordinatorService(ctx),
      ...(withExchange ? [exchangeService(ctx, withWeb)] : []),
      ...(withWeb ? [webService(ctx, withExchange)] : []),
    ]);
    withExchange &&= !failedOptional.has("exchange");
    withWeb &&= !failedOptional.has("web");

    const admin = createAitbcClient({
      coordinatorUrl: base.coordinator,
      nodeUrl: base.nodes[0],
      walletUrl: base.wallet,
      exchangeUrl: base.exchange,
      apiKey: adminApiKey,
    });
    const credentials = await bootstrapDevAccounts(
      admin,
      adminApiKey,
      paths.credentials,
      step,
      options.signal,
    );
    writeDevCredentials(paths.credentials, credentials);

    await startDevMiner(ctx, admin, credentials, spawner, {
      phaseTimeoutMs,
      step,
      signal: options.signal,
    });

    const urls = runningUrls(base, { exchange: withExchange, web: withWeb });
    writeStackJson(paths.stackJson, urls);
    const startupMs = Date.now() - started;
    step({ kind: "ready", ms: startupMs });

    return {
      urls,
      unavailable: unavailableServices(mains, failedOptional),
      credentials,
      paths,
      ports,
      chainId: secrets.chain_id,
      startupMs,
      status: () => spawner.status(),
      stop: () => spawner.stopAll(),
    };
  } catch (err) {
    await spawner.stopAll();
    throw err;
  }
}
