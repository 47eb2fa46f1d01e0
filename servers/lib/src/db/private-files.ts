// Data files hold account hashes, sealed secrets and custodial keys: readable by the owner only.
// Directories the services create are 0700 and files 0600, whatever the process umask; an existing
// file with wider permissions is narrowed at startup.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory (and missing parents) owner-only; an existing one is left as it is. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is filtered by the umask; say it again.
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates the file empty if missing, and makes it owner-only either way. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
