// The custodial keystore: one ed25519 key per coordinator account, sealed at rest. Secret keys
// only exist in memory for the duration of one signature and are never logged or returned.
import { addressFromPublicKey, generateKeyPair, toBase64Url, utf8 } from "@aitbc/sdk";
import type { AccountRow, AccountStore } from "./account-store.js";
import type { KeystoreStore } from "./keystore-store.js";
import { KeySealer, WrongPassphraseError, newKdfParams } from "./key-sealer.js";

const CHECK_CONTEXT = "aitbc-wallet:keystore-check";
const CHECK_PLAINTEXT = "aitbc-wallet keystore v1";

export interface CustodialAccount {
  accountId: string;
  address: string;
  publicKey: string;
  createdAt: string;
}

export class Keystore {
  private constructor(
    private readonly accounts: AccountStore,
    private readonly sealer: KeySealer,
  ) {}

  /**
   * Unlocks (or, on first start, creates) the keystore. A passphrase that does not open the check
   * value fails here, at startup, rather than at the first signature.
   */
  static async open(
    repos: { keystore: KeystoreStore; accounts: AccountStore },
    passphrase: string,
  ): Promise<Keystore> {
    let meta = await repos.keystore.get();
    if (!meta) {
      const kdf = newKdfParams();
      const sealer = await KeySealer.derive(passphrase, kdf);
      const created = await repos.keystore.create({
        kdf,
        check: sealer.seal(utf8(CHECK_PLAINTEXT), CHECK_CONTEXT),
      });
      if (created) return new Keystore(repos.accounts, sealer);
      meta = await repos.keystore.get();
      if (!meta) throw new Error("keystore metadata vanished during creation");
    }
    const sealer = await KeySealer.derive(passphrase, meta.kdf);
    const check = new TextDecoder().decode(sealer.open(meta.check, CHECK_CONTEXT));
    if (check !== CHECK_PLAINTEXT) throw new WrongPassphraseError("keystore check value differs");
    return new Keystore(repos.accounts, sealer);
  }

  async get(accountId: string): Promise<CustodialAccount | undefined> {
    const row = await this.accounts.findById(accountId);
    return row ? publicView(row) : undefined;
  }

  /** Creates the account's key, or returns the existing one (`created: false`). */
  async createOrGet(accountId: string): Promise<{ account: CustodialAccount; created: boolean }> {
    const existing = await this.accounts.findById(accountId);
    if (existing) return { account: publicView(existing), created: false };
    const pair = generateKeyPair();
    const row: AccountRow = {
      accountId,
      address: addressFromPublicKey(pair.publicKey),
      publicKey: toBase64Url(pair.publicKey),
      sealed: this.sealer.seal(pair.secretKey, sealContext(accountId)),
      createdAt: new Date().toISOString(),
    };
    pair.secretKey.fill(0);
    if (await this.accounts.insert(row)) return { account: publicView(row), created: true };
    // A concurrent request created it first: answer with the winner's key.
    const winner = await this.accounts.findById(accountId);
    if (!winner) throw new Error(`account ${accountId} could not be created`);
    return { account: publicView(winner), created: false };
  }

  /** Opens the account's secret key for `use`, then wipes it. */
  async withSecretKey<T>(accountId: string, use: (secretKey: Uint8Array) => T): Promise<T> {
    const row = await this.accounts.findById(accountId);
    if (!row) throw new Error(`no custodial key for account ${accountId}`);
    const secret = this.sealer.open(row.sealed, sealContext(accountId));
    try {
      return use(secret);
    } finally {
      secret.fill(0);
    }
  }
}

function sealContext(accountId: string): string {
  return `aitbc-wallet:account:${accountId}`;
}

function publicView(row: AccountRow): CustodialAccount {
  return {
    accountId: row.accountId,
    address: row.address,
    publicKey: row.publicKey,
    createdAt: row.createdAt,
  };
}
