// The stack's children: spawns each service from its package's bin, keeps the stack lock's list
// of children current (so a later start can find what a killed launcher left behind), reports a
// crash, and stops them in order.
import { PROJECT_ROOT, type StackPaths } from "../files/stack-paths.js";
import type { PackageMain } from "../process/package-main.js";
import type { AcquiredLock } from "../process/stack-lock.js";
import { SupervisedProcess } from "../process/supervised-process.js";
import { checkHealth } from "../process/wait-healthy.js";
import type { ServiceDefinition, ServiceKind } from "../services/service-plan.js";
import { OPTIONAL } from "./service-mains.js";
import type { ServiceStatus, StartStackOptions } from "./stack-types.js";

export interface ServiceSpawner {
  spawn(def: ServiceDefinition): SupervisedProcess;
  /** Forgets a service that was stopped on purpose (an optional one that failed to start). */
  forget(proc: SupervisedProcess): void;
  status(): Promise<ServiceStatus[]>;
  /** Miner and web pages first, then wallet, coordinator and exchange, then the nodes; releases the lock. */
  stopAll(): Promise<void>;
}

export function createServiceSpawner(
  mains: Map<ServiceKind, PackageMain>,
  paths: StackPaths,
  lock: AcquiredLock,
  options: Pick<StartStackOptions, "onLine" | "onCrash">,
): ServiceSpawner {
  const processes: Array<{ def: ServiceDefinition; proc: SupervisedProcess }> = [];
  let stopping = false;

  // The children run in their own process groups, so they would outlive a launcher (or a test
  // process) that exits without stop(): take them down with it.
  const killOnExit = () => {
    for (const { proc } of processes) proc.kill();
  };
  process.on("exit", killOnExit);

  return {
    spawn(def) {
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
    },

    forget(proc) {
      processes.splice(
        processes.findIndex((p) => p.proc === proc),
        1,
      );
    },

    status() {
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

    async stopAll() {
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
    },
  };
}
