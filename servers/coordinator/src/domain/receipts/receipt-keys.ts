// The coordinator's receipt attestation key: generated on the first start, stored in the database
// (so it survives restarts and is shared by replicas), published at GET /v1/keys. Replicas that
// start together may each insert one; all of them use the oldest, so they agree.
import { generateKeyPair, importSecretKey, sha256Hex, toBase64Url, type KeyPair } from "@aitbc/sdk";
import type { KeyObject } from "node:crypto";
import type { KeyRecord, KeysRepo } from "../../data/keys-repo.js";
import { privateKeyObject } from "./node-ed25519.js";

export interface ReceiptKey {
  keyId: string;
  pair: KeyPair;
  publicKey: string;
  /** The same secret as a node:crypto key, for fast signing. */
  privateKey: KeyObject;
  createdAt: string;
}

export function receiptKeyId(publicKey: Uint8Array): string {
  return `coordinator:${sha256Hex(publicKey).slice(0, 16)}`;
}

export class ReceiptKeyRing {
  private constructor(
    readonly current: ReceiptKey,
    private readonly all: KeyRecord[],
  ) {}

  static async load(keys: KeysRepo, configuredSecret?: string): Promise<ReceiptKeyRing> {
    if (configuredSecret) {
      const pair = importSecretKey(configuredSecret);
      await keys.insertIfAbsent(record(pair));
    } else if ((await keys.all()).length === 0) {
      await keys.insertIfAbsent(record(generateKeyPair()));
    }
    const all = await keys.all();
    const chosen = configuredSecret ? all.find((k) => k.secretKey === configuredSecret)! : all[0]!;
    const pair = importSecretKey(chosen.secretKey);
    return new ReceiptKeyRing(
      {
        keyId: chosen.keyId,
        pair,
        publicKey: chosen.publicKey,
        privateKey: privateKeyObject(chosen.secretKey, chosen.publicKey),
        createdAt: chosen.createdAt,
      },
      all,
    );
  }

  published(): Array<{ key_id: string; public_key: string; created_at: string }> {
    return this.all.map((k) => ({
      key_id: k.keyId,
      public_key: k.publicKey,
      created_at: k.createdAt,
    }));
  }
}

function record(pair: KeyPair): KeyRecord {
  return {
    keyId: receiptKeyId(pair.publicKey),
    publicKey: toBase64Url(pair.publicKey),
    secretKey: toBase64Url(pair.secretKey),
    createdAt: new Date().toISOString(),
  };
}
