// The command line of aitbc-conformance, merged with the stack's files: flags win, then
// .aitbc/stack.json and .aitbc/dev-credentials.json (in AITBC_DATA_DIR, default ./.aitbc).
import { join } from "node:path";
import { RECORD_FILE_NAME } from "../scenario/scenario-record.js";
import { REPORT_FORMATS, type ReportFormat } from "../report/report-formats.js";
import type { Credentials } from "./credentials.js";
import { readDevCredentials, readStackJson, stackDir } from "./stack-files.js";

export type Level = "contract" | "scenario";

export interface RunOptions {
  level: Level;
  urls: { coordinator?: string; node?: string; wallet?: string; exchange?: string };
  /** Every node of the chain (the first is `urls.node`), for the propagation checks. */
  nodes: string[];
  /** Where a real scenario run is recorded and the previous one is read from (see --record). */
  recordFile?: string;
  credentials: Credentials;
  /** The dev stack's provider (with a running miner), from dev-credentials.json. */
  provider?: { id: string; apiKey: string; address?: string };
  /** Treat every target as a mock without probing. */
  mock: boolean;
  /** Every target is a Prism proxy (`prism proxy --errors`) in front of an implementation. */
  viaProxy: boolean;
  timeoutMs: number;
  /** A directory of *.openapi.json to check against instead of the bundled @aitbc/spec. */
  specDir?: string;
  /** text: one line per check on stdout; json/junit: the lines go to stderr, the document to stdout or --output. */
  reporter: ReportFormat;
  /** Where the json/junit document is written instead of stdout. */
  outputFile?: string;
  /** Where the URLs and keys came from, for the report header. */
  sources: string[];
}

export const USAGE = `Usage: aitbc-conformance [--level contract|scenario] [--coordinator URL] [--node URL]
                         [--wallet URL] [--exchange URL] [--api-key KEY] [--admin-key KEY]
                         [--provider-key KEY] [--customer-key KEY] [--mock | --via-proxy]
                         [--stack-dir DIR] [--timeout MS] [--spec-dir DIR]
                         [--reporter text|json|junit] [--output FILE]

Checks an AITBC implementation against the contract in @aitbc/spec and prints one line per check
(PASS, FAIL or SKIP). Exits 1 when any check fails, 2 on a usage error.

  --level contract   every operation of every spec with valid and invalid input (default)
  --level scenario   the customer's and provider's phases 1-4 through the SDK
  --mock             the targets are Prism mocks (detected automatically otherwise)
  --via-proxy        the targets are Prism proxies (prism proxy --errors) in front of an
                     implementation: the real keys are sent, and an invalid request may be
                     refused by the proxy itself (detected automatically otherwise)
  --node URL         a node of the chain; give it once per node for the propagation checks
  --stack-dir DIR    where stack.json and dev-credentials.json are (default $AITBC_DATA_DIR or .aitbc)
  --record FILE      where the scenario records what it proved and reads the previous run's
                     record, to check after a restart that nothing was lost (default
                     DIR/conformance-scenario.json when DIR has a stack.json)
  --spec-dir DIR     check against the *.openapi.json in DIR instead of the bundled @aitbc/spec
  --reporter FORMAT  text (default): one line per check on stdout; json or junit: the same lines
                     on stderr as they happen, then one JSON document or JUnit XML report on
                     stdout (or in --output FILE), for another implementation's CI
  --output FILE      write the json or junit report to FILE instead of stdout
URLs and keys not given as flags are read from the stack's files when they exist.`;

export class UsageError extends Error {}

const VALUE_FLAGS = new Set([
  "--level",
  "--coordinator",
  "--node",
  "--wallet",
  "--exchange",
  "--api-key",
  "--admin-key",
  "--provider-key",
  "--customer-key",
  "--stack-dir",
  "--timeout",
  "--spec-dir",
  "--record",
  "--reporter",
  "--output",
]);

export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): RunOptions {
  const flags = new Map<string, string>();
  const nodeFlags: string[] = [];
  let mock = false;
  let viaProxy = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (name === "--mock") mock = true;
    else if (name === "--via-proxy") viaProxy = true;
    else if (name === "--help" || name === "-h") throw new UsageError(USAGE);
    else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--"))
        throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
      if (name === "--node") nodeFlags.push(value);
    } else throw new UsageError(`unknown option ${arg}\n\n${USAGE}`);
  }
  if (mock && viaProxy) throw new UsageError("--mock and --via-proxy exclude each other");
  const level = flags.get("--level") ?? "contract";
  if (level !== "contract" && level !== "scenario")
    throw new UsageError(`--level must be contract or scenario, not ${level}`);
  const timeoutMs = Number(flags.get("--timeout") ?? 30_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new UsageError("--timeout must be a positive integer (ms)");

  const reporter = flags.get("--reporter") ?? "text";
  if (!isReportFormat(reporter))
    throw new UsageError(`--reporter must be one of ${REPORT_FORMATS.join(", ")}, not ${reporter}`);
  const outputFile = flags.get("--output");
  if (outputFile && reporter === "text")
    throw new UsageError("--output needs --reporter json or --reporter junit");

  const dir = flags.get("--stack-dir") ?? stackDir(env, cwd);
  const stack = readStackJson(dir);
  const creds = readDevCredentials(dir);
  const sources: string[] = [];
  if (stack) sources.push(`${dir}/stack.json`);
  if (creds) sources.push(`${dir}/dev-credentials.json`);

  const pick = (flag: string, fromStack: string | null | undefined) =>
    flags.get(flag) ?? fromStack ?? undefined;
  const nodes = nodeFlags.length ? nodeFlags : (stack?.nodes ?? []);
  const urls = {
    coordinator: pick("--coordinator", stack?.coordinator),
    node: nodes[0],
    wallet: pick("--wallet", stack?.wallet),
    exchange: pick("--exchange", stack?.exchange),
  };
  if (!Object.values(urls).some(Boolean)) {
    throw new UsageError(
      `no service URLs: pass --coordinator/--node/--wallet/--exchange or start the stack (npm start) so that ${dir}/stack.json exists\n\n${USAGE}`,
    );
  }
  const credentials: Credentials = {
    apiKey: flags.get("--api-key"),
    adminKey: flags.get("--admin-key") ?? creds?.admin?.api_key,
    providerKey: flags.get("--provider-key") ?? creds?.provider?.api_key,
    customerKey: flags.get("--customer-key") ?? creds?.customer?.api_key,
  };
  const provider =
    creds?.provider?.id && creds.provider.api_key && !flags.has("--provider-key")
      ? { id: creds.provider.id, apiKey: creds.provider.api_key, address: creds.provider.address }
      : undefined;
  const specDir = flags.get("--spec-dir");
  const recordFile = flags.get("--record") ?? (stack ? join(dir, RECORD_FILE_NAME) : undefined);
  return {
    level,
    urls,
    nodes,
    recordFile,
    credentials,
    provider,
    mock,
    viaProxy,
    timeoutMs,
    specDir,
    reporter,
    outputFile,
    sources,
  };
}

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
