// One startup phase: start a group of services together and wait until each answers its health
// check. A required service that fails ends the startup; an optional one (exchange, web pages) is
// stopped and reported, and the stack goes on without it, so a half-finished page build does not
// take the marketplace down with it.
import { ServiceStartError, waitHealthy } from "../process/wait-healthy.js";
import type { ServiceDefinition, ServiceKind } from "../services/service-plan.js";
import { OPTIONAL } from "./service-mains.js";
import type { ServiceSpawner } from "./service-spawner.js";
import type { StackStep } from "./stack-types.js";

export interface PhaseContext {
  spawner: ServiceSpawner;
  phaseTimeoutMs: number;
  signal?: AbortSignal;
  step: (step: StackStep) => void;
}

/** Resolves with the optional services that failed to start. */
export async function startPhase(
  ctx: PhaseContext,
  defs: ServiceDefinition[],
): Promise<Set<ServiceKind>> {
  ctx.signal?.throwIfAborted();
  const t0 = Date.now();
  ctx.step({ kind: "starting", services: defs.map((d) => d.name) });
  const procs = defs.map((d) => ctx.spawner.spawn(d));
  const failed = new Set<ServiceKind>();
  await Promise.all(
    defs.map(async (d, i) => {
      if (!d.healthUrl) return;
      try {
        await waitHealthy(procs[i]!, d.healthUrl, ctx.phaseTimeoutMs, ctx.signal);
      } catch (err) {
        if (!OPTIONAL.includes(d.kind) || !(err instanceof ServiceStartError)) throw err;
        await procs[i]!.stop(5000);
        ctx.spawner.forget(procs[i]!);
        failed.add(d.kind);
        ctx.step({
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
  ctx.step({ kind: "healthy", services: healthy, ms: Date.now() - t0 });
  return failed;
}
