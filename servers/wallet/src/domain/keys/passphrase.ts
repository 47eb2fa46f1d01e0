// Where the keystore passphrase comes from: AITBC_WALLET_PASSPHRASE, or for a dev stack a random
// one generated once into the data dir, readable by the owner only.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

export const PASSPHRASE_FILE = "wallet-passphrase";

export function resolvePassphrase(options: { passphrase?: string; dataDir: string }): string {
  if (options.passphrase) return options.passphrase;
  const file = join(options.dataDir, PASSPHRASE_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").trim();
    if (text) return text;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const generated = randomBytes(32).toString("base64url");
  writeFileSync(file, generated + "\n", { mode: 0o600 });
  // The mode is ignored when the file existed (empty); make sure it is private either way.
  chmodSync(file, 0o600);
  return generated;
}
