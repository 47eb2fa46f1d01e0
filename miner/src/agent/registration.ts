// Registering with the coordinator: what the miner announces (key, hardware, models) and the
// retry loop that waits out a coordinator that is not up yet. The coordinator's miner id is kept
// with the key, so a restarted miner comes back as the same miner.
import {
  AitbcError,
  AuthenticationError,
  createBackoff,
  PermissionError,
  sleep,
  ValidationError,
} from "@aitbc/sdk";
import type { Executor, ServedModel } from "../executors/executor.js";
import type { CoordinatorLink, RegisterBody, Registration } from "./coordinator-link.js";
import { describeError } from "./describe-error.js";
import type { Hardware } from "./hardware.js";
import { saveIdentity, type MinerIdentity } from "./key-store.js";
import type { MinerLogger } from "./logger.js";

export interface RegistrationInput {
  link: CoordinatorLink;
  coordinatorUrl: string;
  identity: MinerIdentity;
  name: string;
  executor: Executor;
  hardware: Hardware;
  models: ServedModel[];
  concurrency: number;
  log: MinerLogger;
}

export function registerBody(input: RegistrationInput): RegisterBody {
  const { identity, executor, hardware, models } = input;
  return {
    ...(identity.minerId ? { miner_id: identity.minerId } : {}),
    name: input.name,
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
      max_concurrency: input.concurrency,
    },
  };
}

/** Registers, retrying with backoff until the coordinator answers or `signal` aborts. */
export async function register(
  input: RegistrationInput,
  signal?: AbortSignal,
): Promise<Registration> {
  const backoff = createBackoff();
  for (;;) {
    try {
      const reg = await input.link.register(registerBody(input), signal);
      if (input.identity.minerId !== reg.miner_id) {
        input.identity.minerId = reg.miner_id;
        await saveIdentity(input.identity);
      }
      return reg;
    } catch (err) {
      if (isFatal(err) || signal?.aborted) throw err;
      const wait = backoff.next();
      input.log.warn("coordinator unreachable, retrying registration", {
        url: input.coordinatorUrl,
        error: describeError(err),
        retry_in_ms: wait,
      });
      await sleep(wait, signal);
      if (signal?.aborted) throw signal.reason;
    }
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

/**
 * The miner's current registration. A coordinator that forgot the miner (404 on a heartbeat or
 * claim) gets it registered again; concurrent callers share one attempt.
 */
export class RegistrationHolder {
  private reregistering: Promise<void> | undefined;

  constructor(
    public current: Registration,
    private readonly input: RegistrationInput,
    private readonly stopping: AbortSignal,
  ) {}

  reregister(): Promise<void> {
    this.reregistering ??= register(this.input, this.stopping)
      .then((reg) => {
        this.current = reg;
        this.input.log.info("registered again", { miner_id: reg.miner_id });
      })
      .catch(() => undefined)
      .finally(() => (this.reregistering = undefined));
    return this.reregistering;
  }
}
