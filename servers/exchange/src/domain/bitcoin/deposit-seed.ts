// The seed the deposit keys derive from: AITBC_EXCHANGE_DEPOSIT_SEED (64 hex chars), or for a dev
// stack a random one generated once into the data dir, readable by the owner only.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { ConfigError, ensurePrivateDir } from "@aitbc/server-lib";

export const DEPOSIT_SEED_FILE = "exchange-deposit-seed";

export function resolveDepositSeed(options: {
  depositSeedHex?: string;
  dataDir: string;
}): Uint8Array {
  if (options.depositSeedHex)
    return parseSeed(options.depositSeedHex, "AITBC_EXCHANGE_DEPOSIT_SEED");
  const file = join(options.dataDir, DEPOSIT_SEED_FILE);
  if (existsSync(file)) return parseSeed(readFileSync(file, "utf8").trim(), file);
  ensurePrivateDir(options.dataDir);
  const seed = randomBytes(32);
  writeFileSync(file, seed.toString("hex") + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return seed;
}

function parseSeed(text: string, where: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new ConfigError(`${where} must be 64 hex characters.`);
  return Buffer.from(text, "hex");
}
