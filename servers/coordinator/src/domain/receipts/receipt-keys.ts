// The coordinator's receipt attestation keys: generated on the first start, stored sealed in the
// database (so they survive restarts and are shared by replicas), published at GET /v1/keys with
// their validity windows. A rotation ends the current key's window and starts a new key; old keys
// stay published so the receipts they signed still verify. Replicas that start together may each
// insert a key; all of them use the oldest current one, so they agree.
import { generateKeyPair, importSecretKey, sha256Hex, toBase64Url, type KeyPair } from "@aitbc/sdk";
import type { KeyObject } from "node:crypto";
import { Conflict, Forbidden, type SecretSealer } from "@aitbc/server-lib";
import type { ReceiptKeyStore, ReceiptKeyRecord } from "./receipt-store.js";
import { privateKeyObject } from "./node-ed25519.js";
import type { Caller } from "../accounts/caller.js";
import type { Transactions } from "../store/transactions.js";

export interface ReceiptKey {
  keyId: string;
  pair: KeyPair;
  publicKey: string;
  /** The same secret as a node:crypto key, for fast signing. */
  privateKey: KeyObject;
  createdAt: string;
}

export interface PublishedKey {
  key_id: string;
  public_key: string;
  created_at: string;
  valid_from: string;
  valid_until: string | null;
}

export function receiptKeyId(publicKey: Uint8Array): string {
  return `coordinator:${sha256Hex(publicKey).slice(0, 16)}`;
}

/** The sealed secret is bound to its key id: a secret copied onto another row does not open. */
const sealContext = (keyId: string) => `receipt-key:${keyId}`;

export class ReceiptKeyRing {
  private loadedAt = Date.now();

  private constructor(
    private readonly transactions: Transactions,
    private readonly keys: ReceiptKeyStore,
    private readonly sealer: SecretSealer,
    private readonly configuredSecret: string | undefined,
    private currentKey: ReceiptKey,
    private all: ReceiptKeyRecord[],
  ) {}

  get current(): ReceiptKey {
    return this.currentKey;
  }

  static async load(
    transactions: Transactions,
    keys: ReceiptKeyStore,
    sealer: SecretSealer,
    configuredSecret?: string,
  ): Promise<ReceiptKeyRing> {
    await sealLegacyKeys(transactions, keys, sealer);
    const now = new Date().toISOString();
    if (configuredSecret) {
      const pair = importSecretKey(configuredSecret);
      const keyId = receiptKeyId(pair.publicKey);
      if (!(await keys.all()).some((k) => k.keyId === keyId))
        await transactions.run(async (tx) => {
          await keys.closeCurrent(now, tx);
          await keys.insertIfAbsent(record(pair, null, now), tx);
        });
    } else if (!(await keys.all()).some((k) => k.validUntil === null && k.sealedSecret)) {
      // First start, or AITBC_RECEIPT_SECRET_KEY was dropped: a new stored key takes over.
      const pair = generateKeyPair();
      const sealed = sealer.seal(
        toBase64Url(pair.secretKey),
        sealContext(receiptKeyId(pair.publicKey)),
      );
      await transactions.run(async (tx) => {
        await keys.closeCurrent(now, tx);
        await keys.insertIfAbsent(record(pair, sealed, now), tx);
      });
    }
    const all = await keys.all();
    return new ReceiptKeyRing(
      transactions,
      keys,
      sealer,
      configuredSecret,
      currentOf(all, sealer, configuredSecret),
      all,
    );
  }

  /** Re-reads the keys when the last read is older than a second (a rotation on another replica). */
  async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt > 1000) await this.reload();
  }

  /**
   * Re-reads the keys every `intervalMs`, so a rotation on another replica reaches this one's
   * signing within that time. Returns the stop function.
   */
  watch(intervalMs: number, onError: (err: unknown) => void): () => void {
    const timer = setInterval(() => this.reload().catch(onError), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Re-reads the keys (after a rotation here or on another replica). */
  async reload(): Promise<void> {
    this.loadedAt = Date.now();
    const all = await this.keys.all();
    this.currentKey = currentOf(all, this.sealer, this.configuredSecret);
    this.all = all;
  }

  /** Platform admin only. A new key signs from now on; the old one keeps verifying. */
  async rotate(caller: Caller): Promise<PublishedKey> {
    if (!caller.platformAdmin)
      throw new Forbidden("Only the platform admin may rotate the receipt signing key.");
    if (this.configuredSecret)
      throw new Conflict(
        "conflict",
        "The receipt signing key comes from AITBC_RECEIPT_SECRET_KEY; change that variable to rotate it.",
      );
    const pair = generateKeyPair();
    const keyId = receiptKeyId(pair.publicKey);
    const now = new Date().toISOString();
    await this.transactions.run(async (tx) => {
      await this.keys.closeCurrent(now, tx);
      await this.keys.insertIfAbsent(
        record(pair, this.sealer.seal(toBase64Url(pair.secretKey), sealContext(keyId)), now),
        tx,
      );
    });
    await this.reload();
    return this.published().find((k) => k.key_id === keyId)!;
  }

  published(): PublishedKey[] {
    return this.all.map((k) => ({
      key_id: k.keyId,
      public_key: k.publicKey,
      created_at: k.createdAt,
      valid_from: k.validFrom,
      valid_until: k.validUntil,
    }));
  }
}

/** The signing key: the configured one, else the oldest key whose window is open. */
function currentOf(
  all: ReceiptKeyRecord[],
  sealer: SecretSealer,
  configuredSecret: string | undefined,
): ReceiptKey {
  let chosen: ReceiptKeyRecord | undefined;
  let secret: string;
  if (configuredSecret) {
    const id = receiptKeyId(importSecretKey(configuredSecret).publicKey);
    chosen = all.find((k) => k.keyId === id);
    secret = configuredSecret;
  } else {
    chosen = all.find((k) => k.validUntil === null && k.sealedSecret);
    secret = chosen ? sealer.open(chosen.sealedSecret!, sealContext(chosen.keyId)) : "";
  }
  if (!chosen) throw new Error("no current receipt key in the database");
  return {
    keyId: chosen.keyId,
    pair: importSecretKey(secret),
    publicKey: chosen.publicKey,
    privateKey: privateKeyObject(secret, chosen.publicKey),
    createdAt: chosen.createdAt,
  };
}

/**
 * Keys stored in clear by earlier versions move to the sealed table. The oldest was the one every
 * replica signed with, so it stays current; any other never signed and is closed at its creation.
 */
async function sealLegacyKeys(
  transactions: Transactions,
  keys: ReceiptKeyStore,
  sealer: SecretSealer,
): Promise<void> {
  await transactions.run(async (tx) => {
    const legacy = await keys.legacy(tx);
    const hasCurrent = (await keys.all(tx)).some((k) => k.validUntil === null);
    for (const [i, k] of legacy.entries()) {
      await keys.insertIfAbsent(
        {
          keyId: k.keyId,
          publicKey: k.publicKey,
          sealedSecret: sealer.seal(k.secretKey, sealContext(k.keyId)),
          createdAt: k.createdAt,
          validFrom: k.createdAt,
          validUntil: i === 0 && !hasCurrent ? null : k.createdAt,
        },
        tx,
      );
      await keys.deleteLegacy(k.keyId, tx);
    }
  });
}

function record(pair: KeyPair, sealedSecret: string | null, now: string): ReceiptKeyRecord {
  return {
    keyId: receiptKeyId(pair.publicKey),
    publicKey: toBase64Url(pair.publicKey),
    sealedSecret,
    createdAt: now,
    validFrom: now,
    validUntil: null,
  };
}
