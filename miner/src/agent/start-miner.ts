// The miner agent: register, heartbeat, claim jobs by long-poll (N at a time), run them, and
// survive a coordinator that goes away. startMiner() resolves once the miner is registered and
// working; close() stops claiming, lets jobs in hand finish (or, after the grace period, releases
// them so the coordinator requeues them at once) and shuts the executor down.
import { hostname } from "node:os";
import { join } from "node:path";
import {
  AitbcError,
  AuthenticationError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from "@aitbc/sdk";
import type { Executor, ServedModel } from "../executors/executor.js";
import { createBackoff, sleep } from "./backoff.js";
import { createCoordinatorLink, type Registration } from "./coordinator-link.js";
import { describeHardware, detectHardware, type Hardware } from "./hardware.js";
import { describeError } from "./describe-error.js";
import { releaseJob } from "./release-job.js";
import { startJob, type JobOutcome, type RunningJob } from "./job-runner.js";
import { loadOrCreateIdentity, saveIdentity } from "./key-store.js";
import { createLogger, parseLogLevel, type MinerLogger } from "./logger.js";
import { resolveExecutor, type ExecutorChoice } from "./resolve-executor.js";

export interface MinerOptions {
  coordinatorUrl: string;
  apiKey: string;
  /** `auto` (default), `ollama`, `llamacpp`, or a ready executor (embedding, tests). */
  executor?: ExecutorChoice | Executor;
  ollamaHost?: string;
  modelPath?: string;
  /** Jobs run at once. Default 1. */
  concurrency?: number;
  threads?: number;
  /** Shown to the coordinator and in logs. Default: the host name. */
  name?: string;
  /** Where the key lives. Default AITBC_MINER_DATA_DIR, else `${AITBC_DATA_DIR:-./.aitbc}/miner/<name>`. */
  dataDir?: string;
  logger?: MinerLogger;
  /** Long-poll wait per claim, capped by the coordinator's claim_wait_max_s. Default 25. */
  claimWaitS?: number;
  /** How long close() waits for jobs in hand before releasing them. Default 30 s. */
  shutdownGraceMs?: number;
  /** Aborts the initial registration attempts (which otherwise retry until the coordinator answers). */
  signal?: AbortSignal;
  /** Override for tests: the nvidia-smi command to run. */
  nvidiaSmiCommand?: string;
}

export interface MinerStats {
  completed: number;
  failed: number;
  /** Jobs handed back to the coordinator (stopped at shutdown, or claimed while stopping). */
  released: number;
  /** Jobs let go without a report: taken away by the coordinator, or not released in time. */
  abandoned: number;
}

export interface RunningMiner {
  minerId: string;
  providerId: string;
  publicKey: string;
  name: string;
  executorKind: Executor["kind"];
  models: ServedModel[];
  hardware: Hardware;
  registration: Registration;
  /** The startup banner lines (also logged). */
  banner: string[];
  activeJobIds(): string[];
  stats(): MinerStats;
  /** Graceful stop: finish or release the jobs in hand. */
  close(): Promise<void>;
}

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
      detectHardware(options.nvidiaSmiCommand),
      loadOrCreateIdentity(dataDir),
    ]);
    const link = createCoordinatorLink(options.coordinatorUrl, options.apiKey);
    const registerBody = () => ({
      ...(identity.minerId ? { miner_id: identity.minerId } : {}),
      name,
      public_key: identity.publicKey,
      capabilities: {
        executor: executor.kind,
        gpu: hardware.gpu,
        cpu: hardware.cpu,
        models: models.map((m) => ({
          name: m.name,
          digest: m.digest,
          ...(m.sizeBytes !== undefined ? { size_bytes: m.sizeBytes } : {}),
          ...(m.label ? { label: m.label } : {}),
        })),
        task_types: ["inference"],
        max_concurrency: concurrency,
      },
    });

    const register = async (signal?: AbortSignal): Promise<Registration> => {
      const backoff = createBackoff();
      for (;;) {
        try {
          const reg = await link.register(registerBody(), signal);
          if (identity.minerId !== reg.miner_id) {
            identity.minerId = reg.miner_id;
            await saveIdentity(identity);
          }
          return reg;
        } catch (err) {
          if (isFatal(err) || signal?.aborted) throw err;
          const wait = backoff.next();
          log.warn("coordinator unreachable, retrying registration", {
            url: options.coordinatorUrl,
            error: describeError(err),
            retry_in_ms: wait,
          });
          await sleep(wait, signal);
          if (signal?.aborted) throw signal.reason;
        }
      }
    };

    let registration = await register(options.signal);
    const banner = [
      `aitbc-miner ${name} (miner ${registration.miner_id}, provider ${registration.provider_id})`,
      `coordinator: ${options.coordinatorUrl} (chain ${registration.chain_id})`,
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
    // Heartbeats go on while jobs in hand finish during shutdown, so their leases stay alive.
    const silenced = new AbortController();
    let reregistering: Promise<void> | undefined;

    const reregister = () => {
      reregistering ??= register(stopping.signal)
        .then((reg) => {
          registration = reg;
          log.info("registered again", { miner_id: reg.miner_id });
        })
        .catch(() => undefined)
        .finally(() => (reregistering = undefined));
      return reregistering;
    };

    // Heartbeats extend the leases of jobs in hand and bring back cancellations.
    const heartbeatLoop = (async () => {
      while (!silenced.signal.aborted) {
        await sleep(registration.heartbeat_interval_s * 1000, silenced.signal);
        if (silenced.signal.aborted) break;
        try {
          const res = await link.heartbeat(registration.miner_id, [...jobs.keys()]);
          for (const id of res.cancel_job_ids) jobs.get(id)?.stop({ kind: "cancelled" });
        } catch (err) {
          if (err instanceof NotFoundError) await reregister();
          else log.warn("heartbeat failed", { error: describeError(err) });
        }
      }
    })();

    const finishJob = (job: RunningJob, outcome: JobOutcome) => {
      jobs.delete(job.jobId);
      if (outcome.status === "completed") stats.completed++;
      else if (outcome.status === "failed") stats.failed++;
      else if (outcome.status === "released") stats.released++;
      else stats.abandoned++;
    };

    const waitUntilHealthy = async (slot: number) => {
      const backoff = createBackoff(500, 5_000);
      while (!stopping.signal.aborted && !(await executor.healthy().catch(() => false))) {
        const wait = backoff.next();
        log.warn("executor unavailable, not claiming jobs", {
          slot,
          executor: executor.kind,
          retry_in_ms: wait,
        });
        await sleep(wait, stopping.signal);
      }
    };

    // One long-poll loop per concurrency slot.
    const claimLoop = async (slot: number) => {
      const backoff = createBackoff();
      while (!stopping.signal.aborted) {
        try {
          const waitS = Math.min(options.claimWaitS ?? 25, registration.claim_wait_max_s, 30);
          const claim = await link.claim(registration.miner_id, waitS, stopping.signal);
          backoff.reset();
          if (!claim) continue;
          if (stopping.signal.aborted) {
            // Claimed while shutting down: hand it straight back rather than sit on its lease.
            const released = await releaseJob(
              link,
              { jobId: claim.job.job_id, leaseId: claim.lease.lease_id },
              "claimed while the miner was shutting down",
              log,
            );
            if (released) stats.released++;
            else stats.abandoned++;
            break;
          }
          const job = startJob(
            {
              link,
              executor,
              models,
              minerId: registration.miner_id,
              minerName: name,
              secretKey: identity.keyPair.secretKey,
              logger: log,
            },
            claim,
          );
          jobs.set(job.jobId, job);
          const outcome = await job.done;
          finishJob(job, outcome);
          if (outcome.status === "failed" && outcome.code === "executor_error") {
            // A dead backend would fail every job in the queue: claim again only once it is back.
            await waitUntilHealthy(slot);
          }
        } catch (err) {
          if (stopping.signal.aborted) break;
          if (err instanceof NotFoundError) {
            await reregister();
            continue;
          }
          const wait = backoff.next();
          log.warn("claim failed", { slot, error: describeError(err), retry_in_ms: wait });
          await sleep(wait, stopping.signal);
        }
      }
    };
    const claimLoops = Array.from({ length: concurrency }, (_, i) => claimLoop(i));

    let closing: Promise<void> | undefined;
    return {
      get minerId() {
        return registration.miner_id;
      },
      get providerId() {
        return registration.provider_id;
      },
      get registration() {
        return registration;
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
        closing ??= (async () => {
          log.info("stopping: no new claims", { jobs_in_hand: jobs.size });
          stopping.abort(new Error("miner stopping"));
          const inHand = [...jobs.values()];
          const grace = options.shutdownGraceMs ?? 30_000;
          const timer = setTimeout(() => {
            for (const job of jobs.values()) job.stop({ kind: "shutdown" });
          }, grace);
          await Promise.allSettled(inHand.map((j) => j.done));
          clearTimeout(timer);
          silenced.abort();
          await Promise.allSettled([...claimLoops, heartbeatLoop]);
          if (ownsExecutor) await executor.close();
          log.info("stopped", stats as unknown as Record<string, unknown>);
        })();
        return closing;
      },
    };
  } catch (err) {
    if (ownsExecutor) await executor.close().catch(() => undefined);
    throw err;
  }
}

/** 4xx answers (bad key, wrong role, invalid registration) do not get better by retrying. */
function isFatal(err: unknown): boolean {
  return (
    err instanceof AuthenticationError ||
    err instanceof PermissionError ||
    err instanceof ValidationError ||
    (err instanceof AitbcError &&
      err.status >= 400 &&
      err.status < 500 &&
      err.status !== 429 &&
      err.status !== 404)
  );
}

function safeDirName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_") || "miner";
}
