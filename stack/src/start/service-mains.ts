// Which services this checkout can start: a service runs from its package's built bin, so a
// required one without it stops the start before anything is spawned.
import { PROJECT_ROOT } from "../files/stack-paths.js";
import { findPackageMain, type PackageMain } from "../process/package-main.js";
import { PACKAGES, type ServiceKind } from "../services/service-plan.js";

export const REQUIRED: ServiceKind[] = ["node", "wallet", "coordinator", "miner"];
/** The stack goes on without these when they are not built or fail to start. */
export const OPTIONAL: ServiceKind[] = ["exchange", "web"];

export class StackIncompleteError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `The stack needs ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not built (no bin in dist/). Run npm run build (or npm ci) first.`,
    );
    this.name = "StackIncompleteError";
  }
}

/** The built bin of every service that has one; throws when a required service has none. */
export function findServiceMains(): Map<ServiceKind, PackageMain> {
  const mains = new Map<ServiceKind, PackageMain>();
  for (const kind of Object.keys(PACKAGES) as ServiceKind[]) {
    const main = findPackageMain(PACKAGES[kind], PROJECT_ROOT);
    if (main) mains.set(kind, main);
  }
  const missing = REQUIRED.filter((k) => !mains.has(k)).map((k) => PACKAGES[k]);
  if (missing.length > 0) throw new StackIncompleteError(missing);
  return mains;
}
