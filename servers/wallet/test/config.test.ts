import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@aitbc/server-lib";
import { loadWalletConfig } from "../src/index.js";
import { resolvePassphrase } from "../src/domain/keys/passphrase.js";

describe("wallet configuration", () => {
  it("defaults to its documented port and the local stack's URLs", () => {
    const c = loadWalletConfig({ AITBC_DATA_DIR: "/tmp/x", AITBC_DEV: "1" });
    expect(c).toMatchObject({
      port: 20000,
      host: "127.0.0.1",
      dataDir: "/tmp/x",
      databaseUrl: "/tmp/x/wallet.sqlite",
      nodeUrl: "http://127.0.0.1:19000",
      coordinatorUrl: "http://127.0.0.1:18000",
    });
    expect(c.databaseSchema).toBeUndefined();
  });

  it("follows AITBC_PORT_BASE and the explicit variables", () => {
    expect(loadWalletConfig({ AITBC_PORT_BASE: "28000", AITBC_DEV: "1" })).toMatchObject({
      port: 30000,
      nodeUrl: "http://127.0.0.1:29000",
      coordinatorUrl: "http://127.0.0.1:28000",
    });
    expect(
      loadWalletConfig({
        AITBC_WALLET_PORT: "0",
        AITBC_DEV: "1",
        AITBC_DATABASE_URL: "postgres://u:p@localhost/db",
        AITBC_NODE_URL: "http://node:1",
        AITBC_ADMIN_API_KEY: "k",
        AITBC_CHAIN_ID: "aitbc-dev",
      }),
    ).toMatchObject({
      port: 0,
      databaseSchema: "wallet",
      nodeUrl: "http://node:1",
      adminApiKey: "k",
      chainId: "aitbc-dev",
    });
  });

  it("fails fast naming a bad variable", () => {
    expect(() => loadWalletConfig({ AITBC_WALLET_PORT: "twenty", AITBC_DEV: "1" })).toThrow(
      ConfigError,
    );
    expect(() => loadWalletConfig({ AITBC_WALLET_PORT: "twenty", AITBC_DEV: "1" })).toThrow(
      /AITBC_WALLET_PORT/,
    );
  });

  it("settles recorded transfers every 5 s unless AITBC_WALLET_RECONCILE_MS says otherwise", () => {
    expect(loadWalletConfig({ AITBC_DEV: "1" }).reconcileIntervalMs).toBe(5000);
    expect(
      loadWalletConfig({ AITBC_WALLET_RECONCILE_MS: "250", AITBC_DEV: "1" }).reconcileIntervalMs,
    ).toBe(250);
    for (const bad of ["0", "10", "soon"])
      expect(() => loadWalletConfig({ AITBC_WALLET_RECONCILE_MS: bad, AITBC_DEV: "1" })).toThrow(
        /AITBC_WALLET_RECONCILE_MS/,
      );
  });

  it("generates the dev passphrase once, private to the owner, in development mode only", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitbc-pass-"));
    const first = resolvePassphrase({ dataDir: dir, dev: true }).passphrase;
    expect(resolvePassphrase({ dataDir: dir, dev: true }).passphrase).toBe(first);
    const file = join(dir, "wallet-passphrase");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolvePassphrase({ dataDir: dir, passphrase: "given" }).passphrase).toBe("given");
  });

  it("refuses to start without AITBC_WALLET_PASSPHRASE outside development mode, writing no file", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitbc-pass-"));
    const env = { AITBC_DATA_DIR: dir };
    expect(() => loadWalletConfig(env)).toThrow(ConfigError);
    expect(() => loadWalletConfig(env)).toThrow(/AITBC_WALLET_PASSPHRASE/);
    expect(() => resolvePassphrase({ dataDir: dir })).toThrow(/AITBC_WALLET_PASSPHRASE/);
    expect(existsSync(join(dir, "wallet-passphrase"))).toBe(false);
    expect(loadWalletConfig({ ...env, AITBC_DEV: "1" }).dev).toBe(true);
    expect(loadWalletConfig({ ...env, AITBC_WALLET_PASSPHRASE: "p" }).passphrase).toBe("p");
  });

  it("caps the identity cache so a revoked key is refused within 1 s", () => {
    const env = { AITBC_WALLET_PASSPHRASE: "p" };
    expect(loadWalletConfig(env).identityCacheMs).toBeLessThanOrEqual(500);
    expect(() => loadWalletConfig({ ...env, AITBC_WALLET_IDENTITY_CACHE_MS: "3000" })).toThrow(
      /AITBC_WALLET_IDENTITY_CACHE_MS/,
    );
  });
});
