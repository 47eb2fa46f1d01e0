// Where the keystore passphrase comes from: AITBC_WALLET_PASSPHRASE. Only in development mode
// (AITBC_DEV=1) may it be missing: a random one is then generated once into the data dir, readable
// by the owner only, and the wallet warns at every start. Outside development mode a missing
// passphrase stops the wallet: a passphrase sitting next to the database protects nothing.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { ConfigError, ensurePrivateDir } from "@aitbc/server-lib";

export const PASSPHRASE_FILE = "wallet-passphrase";

export interface ResolvedPassphrase {
  passphrase: string;
  /** Set when the passphrase is the development one stored in this file. */
  devFile?: string;
}

export function resolvePassphrase(options: {
  passphrase?: string;
  dataDir: string;
  dev?: boolean;
}): ResolvedPassphrase {
  if (options.passphrase) return { passphrase: options.passphrase };
  if (!options.dev)
    throw new ConfigError(
      "AITBC_WALLET_PASSPHRASE is required: it unlocks the custodial keys. For a development stack set AITBC_DEV=1 to use a generated one.",
    );
  const file = join(options.dataDir, PASSPHRASE_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").trim();
    if (text) return { passphrase: text, devFile: file };
  }
  ensurePrivateDir(options.dataDir);
  const generated = randomBytes(32).toString("base64url");
  writeFileSync(file, generated + "\n", { mode: 0o600 });
  // The mode is ignored when the file existed (empty); make sure it is private either way.
  chmodSync(file, 0o600);
  return { passphrase: generated, devFile: file };
}
