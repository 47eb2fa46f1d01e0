// Finds the built entry point (the bin) of a workspace package, so the stack can run each service
// exactly as a user would run its bin, and can tell a package that is not built (or not written
// yet) from one that crashed.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface PackageMain {
  packageName: string;
  dir: string;
  script: string;
}

/** The package's bin (its first one), resolved through node_modules from `root`, or undefined if it is not built. */
export function findPackageMain(packageName: string, root: string): PackageMain | undefined {
  const link = join(root, "node_modules", packageName, "package.json");
  if (!existsSync(link)) return undefined;
  const manifestPath = realpathSync(link);
  const dir = dirname(manifestPath);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin?: string | Record<string, string>;
  };
  const bin =
    typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  const script = resolve(dir, bin ?? "dist/main.js");
  return existsSync(script) ? { packageName, dir, script } : undefined;
}
