// The secrets of a dev stack, made on first start and reused afterwards so that the chain, the
// wallets and the accounts created on it stay valid across restarts. They live in
// <data dir>/secrets.json, readable by the owner only; `npm run reset` deletes them with the data.
import { randomBytes } from "node:crypto";
import { addressFromPublicKey, exportKeyPair, generateKeyPair } from "@aitbc/sdk";
import { readJsonFile, writeJsonFile } from "../files/json-file.js";

export interface KeyMaterial {
  /** base64url of the 32-byte ed25519 seed. */
  secret_key: string;
  /** base64url of the 32-byte ed25519 public key. */
  public_key: string;
  address: string;
}

export interface DevSecrets {
  version: 1;
  chain_id: string;
  created_at: string;
  admin_api_key: string;
  wallet_passphrase: string;
  /**
   * Seals the secrets the coordinator stores (AITBC_COORDINATOR_SEALING_KEY). Absent in secrets
   * made by earlier versions: their coordinator keeps its development key derived from the admin
   * key, since a new key could not open what the old one sealed.
   */
  coordinator_sealing_key?: string;
  validators: KeyMaterial[];
  /** Signs escrow_release (the coordinator's AITBC_SETTLEMENT_SECRET_KEY). */
  settlement: KeyMaterial;
  /** Signs mint (the exchange's treasury key). */
  treasury: KeyMaterial;
}

export function newKeyMaterial(): KeyMaterial {
  const pair = generateKeyPair();
  const exported = exportKeyPair(pair);
  return { ...exported, address: addressFromPublicKey(pair.publicKey) };
}

export function createDevSecrets(validators: number, now = new Date()): DevSecrets {
  return {
    version: 1,
    chain_id: `aitbc-dev-${randomBytes(4).toString("hex")}`,
    created_at: now.toISOString(),
    admin_api_key: `aitbc_admin_${randomBytes(24).toString("base64url")}`,
    wallet_passphrase: randomBytes(32).toString("base64url"),
    coordinator_sealing_key: randomBytes(32).toString("base64url"),
    validators: Array.from({ length: validators }, () => newKeyMaterial()),
    settlement: newKeyMaterial(),
    treasury: newKeyMaterial(),
  };
}

export interface LoadedSecrets {
  secrets: DevSecrets;
  /** True when this start created them (a fresh data dir). */
  created: boolean;
}

/** Reads <path>, or creates and stores new secrets. A stored set with another validator count is refused. */
export function loadOrCreateDevSecrets(path: string, validators: number): LoadedSecrets {
  const existing = readJsonFile<DevSecrets>(path);
  if (existing) {
    if (existing.version !== 1 || !Array.isArray(existing.validators)) {
      throw new Error(`${path} has an unknown format. Run npm run reset to start a new dev chain.`);
    }
    if (existing.validators.length !== validators) {
      throw new Error(
        `${path} holds a chain with ${existing.validators.length} validators, not ${validators}. Run npm run reset to start a new dev chain.`,
      );
    }
    return { secrets: existing, created: false };
  }
  const secrets = createDevSecrets(validators);
  writeJsonFile(path, secrets, { secret: true });
  return { secrets, created: true };
}
