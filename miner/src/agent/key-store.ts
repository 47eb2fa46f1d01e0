// The miner's ed25519 receipt-signing key and its miner id, persisted in its data directory so a
// restarted miner keeps its identity (the coordinator binds the public key to the provider).
// The file is created with mode 0600 and written atomically.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile, chmod } from "node:fs/promises";
import { join } from "node:path";
import { exportKeyPair, generateKeyPair, importSecretKey, type KeyPair } from "@aitbc/sdk";

export interface MinerIdentity {
  keyPair: KeyPair;
  publicKey: string;
  /** Assigned by the coordinator at the first registration, then reused. */
  minerId?: string;
  path: string;
}

interface IdentityFile {
  secret_key: string;
  public_key: string;
  miner_id?: string;
}

export const IDENTITY_FILE = "miner-key.json";

export async function loadOrCreateIdentity(dataDir: string): Promise<MinerIdentity> {
  const path = join(dataDir, IDENTITY_FILE);
  const text = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  if (text !== undefined) {
    let parsed: IdentityFile;
    try {
      parsed = JSON.parse(text) as IdentityFile;
    } catch {
      throw new Error(`${path}: not valid JSON; fix or remove it (a new key needs re-binding)`);
    }
    const keyPair = importSecretKey(parsed.secret_key);
    const publicKey = exportKeyPair(keyPair).public_key;
    if (parsed.public_key && parsed.public_key !== publicKey) {
      throw new Error(`${path}: public_key does not match secret_key`);
    }
    return { keyPair, publicKey, path, ...(parsed.miner_id ? { minerId: parsed.miner_id } : {}) };
  }
  const keyPair = generateKeyPair();
  const identity: MinerIdentity = { keyPair, publicKey: exportKeyPair(keyPair).public_key, path };
  await mkdir(dataDir, { recursive: true });
  await saveIdentity(identity);
  return identity;
}

export async function saveIdentity(identity: MinerIdentity): Promise<void> {
  const body: IdentityFile = {
    ...exportKeyPair(identity.keyPair),
    ...(identity.minerId ? { miner_id: identity.minerId } : {}),
  };
  const tmp = `${identity.path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(body, null, 2) + "\n", { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, identity.path);
}
