// Waits for a service's health endpoint with a deadline, and gives up at once when the process
// behind it has exited: a crash should be reported as a crash, not as a slow start.
import { sleep } from "@aitbc/sdk";
import type { SupervisedProcess } from "./supervised-process.js";
import { describeExit } from "./supervised-process.js";

export interface HealthResult {
  ok: boolean;
  /** `ok`, `degraded`, or why it is not healthy. */
  status: string;
  latencyMs: number;
}

export async function checkHealth(url: string, timeoutMs = 2000): Promise<HealthResult> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const latencyMs = Math.round(performance.now() - started);
    if (!res.ok) return { ok: false, status: `HTTP ${res.status}`, latencyMs };
    const body = (await res.json().catch(() => ({}))) as { status?: unknown };
    const status = typeof body.status === "string" ? body.status : "ok";
    return { ok: status === "ok" || status === "degraded", status, latencyMs };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return {
      ok: false,
      status:
        cause === "ECONNREFUSED"
          ? "not listening"
          : (err as Error).name === "TimeoutError"
            ? "timeout"
            : "unreachable",
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    message: string,
    readonly logTail: string[],
    readonly logFile: string,
  ) {
    super(message);
    this.name = "ServiceStartError";
  }
}

export async function waitHealthy(
  proc: SupervisedProcess,
  healthUrl: string,
  deadlineMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last: HealthResult | undefined;
  let exit: string | undefined;
  void proc.exited.then((info) => (exit = describeExit(info)));
  while (Date.now() < until) {
    signal?.throwIfAborted();
    if (exit) {
      throw new ServiceStartError(
        proc.name,
        `${proc.name} exited during startup (${exit}).`,
        proc.tail(),
        proc.logFile,
      );
    }
    last = await checkHealth(healthUrl, 1000);
    if (last.ok) return;
    await sleep(100);
  }
  throw new ServiceStartError(
    proc.name,
    `${proc.name} was not healthy within ${Math.round(deadlineMs / 1000)} s (${healthUrl}: ${last?.status ?? "no answer"}).`,
    proc.tail(),
    proc.logFile,
  );
}
