// What the stack reports as running: the URLs for stack.json (null for an optional service that
// is not there) and why each missing optional service is missing.
import type { StackUrls } from "../files/stack-files.js";
import type { PackageMain } from "../process/package-main.js";
import type { ServiceKind, stackServiceUrls } from "../services/service-plan.js";
import { OPTIONAL } from "./service-mains.js";
import type { RunningStack } from "./stack-types.js";

export function runningUrls(
  base: ReturnType<typeof stackServiceUrls>,
  with_: { exchange: boolean; web: boolean },
): StackUrls {
  return {
    coordinator: base.coordinator,
    nodes: base.nodes,
    wallet: base.wallet,
    exchange: with_.exchange ? base.exchange : null,
    fake_bitcoin: with_.exchange ? base.fake_bitcoin : null,
    marketplace: with_.web ? base.marketplace : null,
    explorer: with_.web ? base.explorer : null,
    miner_dashboard: with_.web ? base.miner_dashboard : null,
  };
}

export function unavailableServices(
  mains: Map<ServiceKind, PackageMain>,
  failedOptional: Set<ServiceKind>,
): RunningStack["unavailable"] {
  const unavailable: RunningStack["unavailable"] = [];
  for (const kind of OPTIONAL as Array<"exchange" | "web">) {
    if (failedOptional.has(kind)) unavailable.push({ service: kind, reason: "failed to start" });
    else if (!mains.has(kind)) unavailable.push({ service: kind, reason: "not built" });
  }
  return unavailable;
}
