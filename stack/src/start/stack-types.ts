// What startStack() takes and gives back: its options, the progress it reports and the running
// stack it hands to the caller.
import type { DevCredentials, StackUrls } from "../files/stack-files.js";
import type { StackPaths } from "../files/stack-paths.js";
import type { PortPlan } from "../ports/port-plan.js";
import type { ExitInfo, LineListener } from "../process/supervised-process.js";

export interface StartStackOptions {
  /** Default: AITBC_DATA_DIR, else `.aitbc/` in the project root. */
  dataDir?: string;
  /**
   * `"free"`: ports from the OS (tests, CI). `{ base }`: the default ports shifted to `base`.
   * A full plan is used as given. Default: the environment (AITBC_PORT_BASE, per-service variables).
   */
  ports?: "free" | { base: number } | PortPlan;
  /** Bind address (default AITBC_HOST or 127.0.0.1). */
  host?: string;
  /** Where port variables and inherited settings are read from (default process.env). */
  env?: Record<string, string | undefined>;
  validators?: number;
  /**
   * Block time of a new dev chain (default 1 s). An existing data dir keeps the genesis it has:
   * the block time is part of the chain's identity.
   */
  blockTimeMs?: number;
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
  | { kind: "ready"; ms: number }
  | { kind: "bonded"; address: string; amount: number };

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
