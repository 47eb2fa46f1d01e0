// The bank test runs the wallet as a child process from dist/ (starting from TypeScript sources
// costs seconds per restart). When a source file is newer than the build, it builds first, so the
// test never runs stale code.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const walletPackageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** dist/main.js of the wallet, built from the current sources. */
export function builtWalletMain(): string {
  const main = join(walletPackageDir, "dist", "main.js");
  if (!existsSync(main) || newestMtime(join(walletPackageDir, "src")) > statSync(main).mtimeMs)
    execFileSync(process.execPath, [tscPath(), "-p", "tsconfig.build.json"], {
      cwd: walletPackageDir,
      stdio: "inherit",
    });
  return main;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function tscPath(): string {
  let dir = walletPackageDir;
  for (;;) {
    const candidate = join(dir, "node_modules", "typescript", "bin", "tsc");
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error("typescript is not installed");
    dir = up;
  }
}
