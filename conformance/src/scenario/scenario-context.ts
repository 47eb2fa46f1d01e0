// What a scenario case works with: one SDK client per actor, the shared state, and `call`, which
// sends a request through the SDK and reports whether the answer is what the spec documents.
import { backoffDelay, createAitbcClient, sleep, type AitbcClient } from "@aitbc/sdk";
import { checkResponse } from "../contract/check-response.js";
import type { HttpExchange } from "../contract/http-exchange.js";
import type { Reporter } from "../report/reporter.js";
import { DocumentValidator } from "../schema/validator.js";
import type { LoadedDocument, ServiceName } from "../spec/documents.js";
import { listOperations, type Operation } from "../spec/operations.js";
import { Blocked, StepFailed } from "./scenario-errors.js";
import type { ScenarioState } from "./scenario-state.js";
import { callThroughSdk, sdkMethod, type CallInput, type CallOutcome } from "./sdk-call.js";

export type Actor =
  "admin" | "provider" | "customer" | "outsider" | "newcomer" | "previous" | "anonymous";

export interface ScenarioTargets {
  coordinatorUrl?: string;
  nodeUrl?: string;
  walletUrl?: string;
  exchangeUrl?: string;
}

export interface CallSpec extends CallInput {
  as: Actor;
  /** Another base URL of the same service (one of several nodes); default its target URL. */
  at?: string;
  /** Acceptable statuses; default any 2xx. */
  expect?: number[] | "2xx" | "4xx";
}

export interface ScenarioContextOptions {
  mode: "mock" | "real";
  documents: LoadedDocument[];
  targets: ScenarioTargets;
  adminKey?: string;
  /**
   * An existing provider whose miner runs (the dev stack's, from .aitbc/dev-credentials.json).
   * A provider created by the scenario has no miner, so its jobs could never run.
   */
  provider?: { id: string; apiKey: string; address?: string };
  reporter: Reporter;
  /** How long a real-state poll may take (job completion), in ms. */
  pollTimeoutMs?: number;
  /** Every node of the chain (the first is `targets.nodeUrl`), for propagation checks. */
  nodeUrls?: string[];
  /**
   * Where a real run records what it proved (job, receipt, balances) for the next run, which
   * checks after a restart that none of it was lost. Unset: nothing is recorded or compared.
   */
  recordFile?: string;
}

const SERVICE_URL: Record<ServiceName, keyof ScenarioTargets> = {
  coordinator: "coordinatorUrl",
  node: "nodeUrl",
  wallet: "walletUrl",
  exchange: "exchangeUrl",
};

export class ScenarioContext {
  readonly mode: "mock" | "real";
  readonly state: Partial<ScenarioState> = {};
  /** What a case's given/when hand to its then; emptied when the next case begins. */
  scratch: Record<string, unknown> = {};
  readonly pollTimeoutMs: number;
  private readonly base: AitbcClient;
  private readonly operations = new Map<string, Operation[]>();
  private readonly validators = new Map<string, DocumentValidator>();
  private readonly reporter: Reporter;
  private readonly options: ScenarioContextOptions;
  private caseId = "";

  constructor(options: ScenarioContextOptions) {
    this.options = options;
    this.mode = options.mode;
    this.reporter = options.reporter;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 120_000;
    this.base = createAitbcClient({ ...options.targets, http: { retries: 1 } });
    for (const d of options.documents) {
      this.operations.set(d.name, listOperations(d));
      this.validators.set(d.name, new DocumentValidator(d.name, d.doc));
    }
    this.state.runId = Math.random().toString(16).slice(2, 10);
  }

  /** The existing provider to use on a real stack, if one was given. */
  get presetProvider(): ScenarioContextOptions["provider"] {
    return this.isMock ? undefined : this.options.provider;
  }

  get coordinatorUrl(): string {
    const url = this.options.targets.coordinatorUrl;
    if (!url) throw new Blocked("needs the coordinator URL");
    return url;
  }

  get isMock(): boolean {
    return this.mode === "mock";
  }

  /** Every known node URL, the main one first. */
  get nodeUrls(): string[] {
    const main = this.options.targets.nodeUrl;
    const all = [...(main ? [main] : []), ...(this.options.nodeUrls ?? [])];
    return [...new Set(all.map((u) => u.replace(/\/+$/, "")))];
  }

  get recordFile(): string | undefined {
    return this.isMock ? undefined : this.options.recordFile;
  }

  beginCase(id: string): void {
    this.caseId = id;
    this.scratch = {};
  }

  /** A value an earlier case produced; blocks this case when it is missing. */
  need<K extends keyof ScenarioState>(key: K): ScenarioState[K] {
    const value = this.state[key];
    if (value === undefined) throw new Blocked(`needs ${String(key)} from an earlier case`);
    return value as ScenarioState[K];
  }

  remember<K extends keyof ScenarioState>(key: K, value: ScenarioState[K]): void {
    this.state[key] = value;
  }

  keyOf(actor: Actor): string | undefined {
    if (actor === "anonymous") return undefined;
    if (this.isMock) return `conformance-mock-key-${actor}`;
    if (actor === "admin") {
      if (!this.options.adminKey)
        throw new Blocked("needs the admin key (--admin-key or .aitbc/dev-credentials.json)");
      return this.options.adminKey;
    }
    const stateKey = `${actor}Key` as
      "providerKey" | "customerKey" | "outsiderKey" | "newcomerKey" | "previousKey";
    return this.need(stateKey);
  }

  /** Calls `METHOD path` of a service through the SDK as an actor and checks the answer. */
  async call(
    service: ServiceName,
    method: string,
    path: string,
    spec: CallSpec,
  ): Promise<CallOutcome> {
    const label = `${method} ${path} as ${spec.as}${spec.at ? ` at ${spec.at}` : ""}`;
    const url = spec.at ?? this.options.targets[SERVICE_URL[service]];
    if (!url) throw new Blocked(`needs the ${service} URL`);
    const op = this.findOperation(service, method, path);
    if (!op) return this.failStep(label, `${service} has no ${method} ${path} in its spec`);
    const base = spec.at
      ? createAitbcClient({
          ...this.options.targets,
          [SERVICE_URL[service]]: spec.at,
          http: { retries: 1 },
        })
      : this.base;
    const client = base.withApiKey(this.keyOf(spec.as));
    const fn = sdkMethod(client, service, op);
    if (!fn)
      return this.failStep(
        label,
        `the SDK has no ${service}.${op.operationId}() (run npm run gen)`,
      );
    let outcome: CallOutcome;
    try {
      outcome = await callThroughSdk(fn, spec);
    } catch (err) {
      return this.failStep(label, `no response: ${(err as Error).message}`);
    }
    const check = checkResponse(op, this.validators.get(service)!, asExchange(outcome));
    const detail = `${check.detail}${sdkErrorNote(outcome)}`;
    if (!check.ok) return this.failStep(label, detail);
    if (!statusAccepted(outcome.status, spec.expect)) {
      return this.failStep(label, `expected ${describeExpect(spec.expect)}, got ${detail}`);
    }
    if (outcome.status >= 400 && !outcome.error) {
      return this.failStep(label, `${outcome.status}: the SDK did not raise an AitbcError`);
    }
    this.reporter.pass("scenario", this.caseId, label, detail);
    return outcome;
  }

  /** Records one `then` assertion. */
  check(what: string, ok: boolean, detail = ""): void {
    if (ok) this.reporter.pass("scenario", this.caseId, `then ${what}`, detail || "holds");
    else this.reporter.fail("scenario", this.caseId, `then ${what}`, detail || "does not hold");
  }

  /** A real-state assertion nobody has written yet: reported as SKIP, never as PASS. */
  pending(what: string, why: string): void {
    this.reporter.skip("scenario", this.caseId, `then ${what}`, `not checked yet: ${why}`);
  }

  /** Calls `read` until `done` holds or the deadline passes (once against a mock). */
  async pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + this.pollTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      const value = await read();
      if (this.isMock || done(value) || Date.now() > deadline) return value;
      await sleep(backoffDelay(attempt, { baseMs: 250, maxMs: 2_000, jitter: false }));
    }
  }

  private findOperation(service: string, method: string, path: string): Operation | undefined {
    const key = (p: string) => p.replace(/\{[^}]+\}/g, "{}");
    return this.operations
      .get(service)
      ?.find((op) => op.method === method.toUpperCase() && key(op.path) === key(path));
  }

  private failStep(label: string, detail: string): never {
    this.reporter.fail("scenario", this.caseId, label, detail);
    throw new StepFailed(detail);
  }
}

function asExchange(outcome: CallOutcome): HttpExchange {
  const text =
    outcome.contentType === undefined || outcome.body === undefined
      ? ""
      : JSON.stringify(outcome.body);
  return {
    request: { method: "", path: "", query: [], headers: {}, hasBody: false },
    url: "",
    status: outcome.status,
    contentType: outcome.contentType,
    headers: new Headers(),
    text,
  };
}

function statusAccepted(status: number, expect: CallSpec["expect"]): boolean {
  if (Array.isArray(expect)) return expect.includes(status);
  if (expect === "4xx") return status >= 400 && status < 500;
  return status >= 200 && status < 300;
}

function describeExpect(expect: CallSpec["expect"]): string {
  if (Array.isArray(expect)) return expect.join(" or ");
  return expect ?? "2xx";
}

function sdkErrorNote(outcome: CallOutcome): string {
  return outcome.error ? ` (SDK raised ${outcome.error.name} ${outcome.error.code})` : "";
}
