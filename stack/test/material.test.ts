import { mkdtempSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addressFromPublicKey, genesisHash, importSecretKey, toBase64Url } from "@aitbc/sdk";
import { loadOrCreateDevSecrets } from "../src/material/dev-secrets.js";
import { loadOrCreateGenesis } from "../src/material/dev-genesis.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "aitbc-stack-material-"));

describe("dev secrets", () => {
  it("are created once, private to the owner, and reused on the next start", () => {
    const path = join(tempDir(), "secrets.json");
    const first = loadOrCreateDevSecrets(path, 3);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = loadOrCreateDevSecrets(path, 3);
    expect(second.created).toBe(false);
    expect(second.secrets).toEqual(first.secrets);
  });

  it("hold real key pairs whose public keys and addresses match the secrets", () => {
    const { secrets } = loadOrCreateDevSecrets(join(tempDir(), "secrets.json"), 3);
    const keys = [...secrets.validators, secrets.settlement, secrets.treasury];
    expect(new Set(keys.map((k) => k.public_key)).size).toBe(5);
    for (const k of keys) {
      const pair = importSecretKey(k.secret_key);
      expect(toBase64Url(pair.publicKey)).toBe(k.public_key);
      expect(addressFromPublicKey(pair.publicKey)).toBe(k.address);
    }
    expect(secrets.admin_api_key.length).toBeGreaterThan(30);
    expect(secrets.wallet_passphrase.length).toBeGreaterThan(30);
  });

  it("refuse a stored chain with another validator count", () => {
    const path = join(tempDir(), "secrets.json");
    loadOrCreateDevSecrets(path, 3);
    expect(() => loadOrCreateDevSecrets(path, 1)).toThrow(/3 validators.*npm run reset/);
  });

  it("refuse a corrupt file instead of silently making a new chain", () => {
    const path = join(tempDir(), "secrets.json");
    writeFileSync(path, "{not json");
    expect(() => loadOrCreateDevSecrets(path, 3)).toThrow(/not valid JSON/);
    expect(readFileSync(path, "utf8")).toBe("{not json");
  });
});

describe("dev genesis", () => {
  it("lists the validators, settlement and treasury keys, and is stable across starts", () => {
    const dir = tempDir();
    const { secrets } = loadOrCreateDevSecrets(join(dir, "secrets.json"), 3);
    const genesis = loadOrCreateGenesis(join(dir, "genesis.json"), secrets);
    expect(genesis.chain_id).toBe(secrets.chain_id);
    expect(genesis.dev).toBe(true);
    expect(genesis.validators.map((v) => v.public_key)).toEqual(
      secrets.validators.map((v) => v.public_key),
    );
    expect(genesis.settlement_key).toBe(secrets.settlement.public_key);
    expect(genesis.treasury_key).toBe(secrets.treasury.public_key);
    const again = loadOrCreateGenesis(join(dir, "genesis.json"), secrets);
    expect(genesisHash(again)).toBe(genesisHash(genesis));
  });

  it("writes a chosen block time into a new chain and keeps the stored one afterwards", () => {
    const dir = tempDir();
    const { secrets } = loadOrCreateDevSecrets(join(dir, "secrets.json"), 3);
    expect(loadOrCreateGenesis(join(dir, "genesis.json"), secrets, 5000).block_time_ms).toBe(5000);
    expect(loadOrCreateGenesis(join(dir, "genesis.json"), secrets, 1000).block_time_ms).toBe(5000);
  });

  it("refuses a genesis of another chain", () => {
    const dir = tempDir();
    const a = loadOrCreateDevSecrets(join(dir, "a.json"), 3).secrets;
    const b = loadOrCreateDevSecrets(join(dir, "b.json"), 3).secrets;
    loadOrCreateGenesis(join(dir, "genesis.json"), a);
    expect(() => loadOrCreateGenesis(join(dir, "genesis.json"), b)).toThrow(/npm run reset/);
  });
});
