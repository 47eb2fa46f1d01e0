// What an attacker who copies the coordinator's database (or its file) learns: no API key from a
// replayed account creation, no receipt signing key, and on SQLite a file only its owner can read.
// Without a sealing key the coordinator refuses to start, except in development mode.
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, testDatabaseKinds } from "@aitbc/server-lib";
import { generateKeyPair, toBase64Url } from "@aitbc/sdk";
import { loadCoordinatorConfig } from "../src/index.js";
import { receiptKeyId } from "../src/domain/receipts/receipt-keys.js";
import { startHarness, type Harness } from "./support/harness.js";

describe.each(testDatabaseKinds())("secrets at rest (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("never stores a new account's API key in clear, yet a retry with the same Idempotency-Key gets it back", async () => {
    const call = () =>
      h.admin.coordinator.createAccount({
        body: { id: "sealed-replay", name: "Sealed", role: "customer" },
        headers: { "Idempotency-Key": "create-sealed-replay" },
      });
    const created = await call();
    const dump = JSON.stringify(await h.db()("idempotency_keys").select("*"));
    expect(dump).not.toContain(created.api_key);
    expect(dump).not.toContain(created.api_key.slice(-24));
    const replayed = await call();
    expect(replayed.api_key).toBe(created.api_key);
    expect((await h.as(replayed.api_key).coordinator.getMe()).id).toBe("sealed-replay");
  });

  it("stores the receipt signing key sealed, not in clear", async () => {
    const secret = h.coordinator.context.keys.current.pair.secretKey;
    const secretText = Buffer.from(secret).toString("base64url");
    const rows = await h.db()("receipt_keys").select("*");
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secretText);
    expect(await h.db()("coordinator_keys").select("*")).toEqual([]);
  });

  it("seals a receipt key an earlier version stored in clear, and keeps signing with it", async () => {
    const legacy = generateKeyPair();
    const keyId = receiptKeyId(legacy.publicKey);
    const secretText = toBase64Url(legacy.secretKey);
    await h.db()("receipt_keys").delete();
    await h
      .db()("coordinator_keys")
      .insert({
        key_id: keyId,
        public_key: toBase64Url(legacy.publicKey),
        secret_key: secretText,
        created_at: new Date().toISOString(),
      });
    await h.restart();
    expect(await h.db()("coordinator_keys").select("*")).toEqual([]);
    const rows = await h.db()("receipt_keys").select("*");
    expect(rows.map((r: { key_id: string }) => r.key_id)).toEqual([keyId]);
    expect(JSON.stringify(rows)).not.toContain(secretText);
    expect(h.coordinator.context.keys.current.keyId).toBe(keyId);
  });

  it.runIf(kind === "sqlite")("creates its SQLite file 0600 in a 0700 directory", () => {
    const file = h.config.databaseUrl;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o077).toBe(0);
  });
});

describe("sealing key configuration", () => {
  const base = { AITBC_ADMIN_API_KEY: "admin-key-long-enough-0123" };

  it("refuses to start without AITBC_COORDINATOR_SEALING_KEY outside development mode", () => {
    expect(() => loadCoordinatorConfig(base)).toThrow(ConfigError);
    expect(() => loadCoordinatorConfig(base)).toThrow(/AITBC_COORDINATOR_SEALING_KEY/);
    expect(loadCoordinatorConfig({ ...base, AITBC_DEV: "1" }).dev).toBe(true);
  });

  it("refuses a sealing key that is not 32 bytes of base64url", () => {
    for (const bad of ["short", Buffer.alloc(31).toString("base64url"), "!".repeat(43)])
      expect(() => loadCoordinatorConfig({ ...base, AITBC_COORDINATOR_SEALING_KEY: bad })).toThrow(
        /AITBC_COORDINATOR_SEALING_KEY/,
      );
    const good = Buffer.alloc(32, 7).toString("base64url");
    expect(loadCoordinatorConfig({ ...base, AITBC_COORDINATOR_SEALING_KEY: good }).sealingKey).toBe(
      good,
    );
  });
});
