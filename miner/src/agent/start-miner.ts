// The miner agent: register, heartbeat, claim jobs by long-poll (N at a time), run them, and
// survive a coordinator that goes away. startMiner() resolves once the miner is registered and
// working; close() stops claiming, lets jobs in hand finish (or, after the grace period, releases
// them so the coordinator requeues them at once) and shuts the executor down.
import { hostname } from "node:os";
import { join } from "node:path";
import { claimLoop } from "./claim-loop.js";
import { createCoordinatorLink } from "./coordinator-link.js";
import { describeHardware, detectHardware } from "./hardware.js";
import { heartbeatLoop } from "./heartbeat.js";
import type { RunningJob } from "./job-runner.js";
import { loadOrCreateIdentity } from "./key-store.js";
import { createLogger, parseLogLevel } from "./logger.js";
import type { MinerOptions, MinerStats, RunningMiner } from "./miner-types.js";
import { register, RegistrationHolder, type RegistrationInput } from "./registration.js";
import { resolveExecutor } from "./resolve-executor.js";
import { shutDown } from "./shutdown.js";

export type { MinerOptions, MinerStats, RunningMiner } from "./miner-types.js";

export async function startMiner(options: MinerOptions): Promise<RunningMiner> {
  const log = options.logger ?? createLogger(parseLogLevel(process.env.AITBC_LOG_LEVEL));
  const name = options.name ?? hostname();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  // AITBC_DATA_DIR is the stack-wide data directory (HACKING.md); the miner keeps its own
  // identity under miner/<name> inside it, so several miners can share one data directory.
  const dataDir =
    options.dataDir ??
    process.env.AITBC_MINER_DATA_DIR ??
    join(process.env.AITBC_DATA_DIR ?? ".aitbc", "miner", safeDirName(name));

  const ownsExecutor = typeof options.executor !== "object";
  const resolved =
    typeof options.executor === "object"
      ? { executor: options.executor, reason: "provided by the caller" }
      : await resolveExecutor({
          choice: options.executor ?? "auto",
          concurrency,
          dataDir,
          ...(options.ollamaHost ? { ollamaHost: options.ollamaHost } : {}),
          ...(options.modelPath ? { modelPath: options.modelPath } : {}),
          ...(options.threads ? { threads: options.threads } : {}),
        });
  const executor = resolved.executor;
  try {
    const [models, hardware, identity] = await Promise.all([
      executor.listModels(),
      detectHardware(options.nvidiaSmiCommand, options.llamaGpuProbe),
      loadOrCreateIdentity(dataDir),
    ]);
    const link = createCoordinatorLink(options.coordinatorUrl, options.apiKey);
    const registrationInput: RegistrationInput = {
      link,
      coordinatorUrl: options.coordinatorUrl,
      identity,
      name,
      executor,
      hardware,
      models,
      concurrency,
      log,
    };

    const first = await register(registrationInput, options.signal);
    const banner = [
      `aitbc-miner ${name} (miner ${first.miner_id}, provider ${first.provider_id})`,
      `coordinator: ${options.coordinatorUrl} (chain ${first.chain_id})`,
      describeHardware(hardware),
      `executor: ${executor.kind} — ${resolved.reason}`,
      ...models.map((m) => `serves: ${m.name}${m.label ? ` [${m.label}]` : ""} ${m.digest}`),
      ...(models.length === 0 ? ["serves: no models (the executor lists none)"] : []),
      `concurrency: ${concurrency}, key: ${identity.publicKey} (${identity.path})`,
    ];
    for (const line of banner) log.info(line);

    const jobs = new Map<string, RunningJob>();
    const stats: MinerStats = { completed: 0, failed: 0, released: 0, abandoned: 0 };
    const stopping = new AbortController();
    const silenced = new AbortController();
    const registration = new RegistrationHolder(first, registrationInput, stopping.signal);

    const heartbeats = heartbeatLoop(link, registration, jobs, log, silenced.signal);
    const claimLoops = Array.from({ length: concurrency }, (_, slot) =>
      claimLoop(
        {
          link,
          executor,
          models,
          identity,
          minerName: name,
          registration,
          jobs,
          stats,
          log,
          claimWaitS: options.claimWaitS ?? 25,
          stopping: stopping.signal,
        },
        slot,
      ),
    );

    let closing: Promise<void> | undefined;
    return {
      get minerId() {
        return registration.current.miner_id;
      },
      get providerId() {
        return registration.current.provider_id;
      },
      get registration() {
        return registration.current;
      },
      publicKey: identity.publicKey,
      name,
      executorKind: executor.kind,
      models,
      hardware,
      banner,
      activeJobIds: () => [...jobs.keys()],
      stats: () => ({ ...stats }),
      close() {
        closing ??= shutDown({
          jobs,
          stats,
          log,
          graceMs: options.shutdownGraceMs ?? 30_000,
          stopping,
          silenced,
          loops: [...claimLoops, heartbeats],
          ...(ownsExecutor ? { executor } : {}),
        });
        return closing;
      },
    };
  } catch (err) {
    if (ownsExecutor) await executor.close().catch(() => undefined);
    throw err;
  }
}

function safeDirName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_") || "miner";
}
