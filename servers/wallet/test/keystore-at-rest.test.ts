import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyPairFromSecret, toBase64Url, bytesToHex, addressFromPublicKey } from "@aitbc/sdk";
import { ConfigError, testDatabaseKinds, type Knex } from "@aitbc/server-lib";
import { startWallet, type WalletConfig } from "../src/index.js";
import { KeySealer } from "../src/domain/keys/key-sealer.js";
import { PASSPHRASE, startWalletHarness, type WalletHarness } from "./support/wallet-harness.js";

describe.each(testDatabaseKinds())("keys at rest and restarts (%s)", (kind) => {
  let h: WalletHarness;
  let db: Knex;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
    db = await h.db.open();
  });
  afterAll(async () => {
    await db?.destroy();
    await h?.close();
  });

  /** Opens the stored key with the passphrase, the way only the wallet should be able to. */
  async function decryptStoredSecret(accountId: string): Promise<Uint8Array> {
    const meta = await db("wallet_keystore").first();
    const row = await db("wallet_accounts").where({ account_id: accountId }).first();
    const sealer = await KeySealer.derive(PASSPHRASE, {
      salt: meta.salt,
      N: Number(meta.n),
      r: Number(meta.r),
      p: Number(meta.p),
    });
    return sealer.open(
      { nonce: row.secret_nonce, ciphertext: row.secret_ciphertext },
      `aitbc-wallet:account:${accountId}`,
    );
  }

  async function everythingStored(): Promise<string> {
    if (kind === "sqlite") {
      // The database file and its WAL, as raw bytes, in every encoding a secret could take.
      const dir = h.db.url.replace(/[^/]+$/, "");
      const bytes = readdirSync(dir)
        .filter((f) => statSync(join(dir, f)).isFile())
        .map((f) => readFileSync(join(dir, f)));
      const all = Buffer.concat(bytes);
      return [all.toString("latin1"), all.toString("hex"), all.toString("base64")].join("\n");
    }
    const tables = [
      "wallet_keystore",
      "wallet_accounts",
      "wallet_escrow_locks",
      "idempotency_keys",
    ];
    const rows = await Promise.all(tables.map((t) => db(t).select()));
    return JSON.stringify(rows);
  }

  it("stores each secret key sealed: the raw key is nowhere in the data store", async () => {
    const acct = await h.admin.wallet.createAccount({ body: { account_id: "sealed-1" } });
    const secret = await decryptStoredSecret("sealed-1");
    // The decrypted key really is this account's key...
    expect(addressFromPublicKey(keyPairFromSecret(secret).publicKey)).toBe(acct.address);
    // ...and it appears in no encoding anywhere in what the wallet stored.
    const stored = await everythingStored();
    for (const encoding of [
      Buffer.from(secret).toString("latin1"),
      bytesToHex(secret),
      toBase64Url(secret),
      Buffer.from(secret).toString("base64"),
    ])
      expect(stored.includes(encoding)).toBe(false);
  });

  it("binds each sealed key to its account: swapped rows do not open", async () => {
    await h.admin.wallet.createAccount({ body: { account_id: "sealed-2" } });
    const row2 = await db("wallet_accounts").where({ account_id: "sealed-2" }).first();
    const meta = await db("wallet_keystore").first();
    const sealer = await KeySealer.derive(PASSPHRASE, {
      salt: meta.salt,
      N: Number(meta.n),
      r: Number(meta.r),
      p: Number(meta.p),
    });
    expect(() =>
      sealer.open(
        { nonce: row2.secret_nonce, ciphertext: row2.secret_ciphertext },
        "aitbc-wallet:account:sealed-1",
      ),
    ).toThrow();
  });

  it("keeps addresses and balances across a restart, and still signs", async () => {
    const a = await h.account("survivor", "customer", 30);
    const b = await h.account("receiver", "customer");
    await a.client.wallet.createTransfer({ body: { to: b.address, amount: 10 } });

    await h.restartWallet();

    const again = await h.admin.wallet.createAccount({ body: { account_id: "survivor" } });
    expect(again.address).toBe(a.address);
    const client = h.clientWithKey(a.apiKey);
    expect(await client.wallet.getBalance()).toMatchObject({ address: a.address, balance: 20 });
    const t = await client.wallet.createTransfer({ body: { to: b.address, amount: 5 } });
    expect(t).toMatchObject({ status: "confirmed", nonce: 1 });
    expect(await h.clientWithKey(b.apiKey).wallet.getBalance()).toMatchObject({ balance: 15 });
  });

  it("refuses to start with the wrong passphrase", async () => {
    const config: WalletConfig = { ...h.config, passphrase: "not the passphrase" };
    await expect(startWallet(config)).rejects.toBeInstanceOf(ConfigError);
  });
});
