// The ports a start will use, checked before anything is spawned so that a taken port is named
// up front instead of surfacing as one service's crash.
import { freePortPlan } from "../ports/free-ports.js";
import { assertPortsFree } from "../ports/port-check.js";
import { planPorts, portsOf, type PortPlan } from "../ports/port-plan.js";
import type { StartStackOptions } from "./stack-types.js";

export async function resolvePorts(
  option: StartStackOptions["ports"],
  env: Record<string, string | undefined>,
  validators: number,
  host: string,
): Promise<PortPlan> {
  if (option === "free") return freePortPlan(validators, host);
  if (option && "coordinator" in option) return option;
  return planPorts({ env, validators, base: option?.base });
}

/** Fails naming the first taken port among those the services about to start will listen on. */
export async function assertStackPortsFree(
  ports: PortPlan,
  host: string,
  with_: { exchange: boolean; web: boolean },
): Promise<void> {
  const needed = portsOf(ports).filter(
    (p) =>
      p.name.startsWith("node-") ||
      p.name === "coordinator" ||
      p.name === "wallet" ||
      (with_.exchange && (p.name === "exchange" || p.name === "fake_bitcoin")) ||
      (with_.web && ["marketplace", "explorer", "miner_dashboard"].includes(p.name)),
  );
  await assertPortsFree(needed, host);
}
