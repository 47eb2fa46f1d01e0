import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressFromPublicKey } from "@aitbc/sdk";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { failure } from "@aitbc/server-lib/testing";
import { startWalletHarness, type WalletHarness } from "./support/wallet-harness.js";

describe.each(testDatabaseKinds())("wallet accounts (%s)", (kind) => {
  let h: WalletHarness;
  beforeAll(async () => {
    h = await startWalletHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates a custodial key for an account with the admin key, then returns the same one", async () => {
    const first = await h.admin.wallet.createAccount({ body: { account_id: "customer-123" } });
    expect(first.account_id).toBe("customer-123");
    expect(first.address).toMatch(/^aitbc[0-9a-f]{40}$/);
    expect(addressFromPublicKey(first.public_key)).toBe(first.address);
    expect(first).not.toHaveProperty("secret_key");

    const again = await h.admin.wallet.createAccount({ body: { account_id: "customer-123" } });
    expect(again).toEqual(first);
  });

  it("answers 201 for a new key and 200 for an existing one", async () => {
    const res1 = await fetch(`${h.wallet.url}/api/v1/wallet/accounts`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": h.config.adminApiKey! },
      body: JSON.stringify({ account_id: "status-check" }),
    });
    const res2 = await fetch(`${h.wallet.url}/api/v1/wallet/accounts`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": h.config.adminApiKey! },
      body: JSON.stringify({ account_id: "status-check" }),
    });
    expect([res1.status, res2.status]).toEqual([201, 200]);
  });

  it("gives concurrent creations of one account the same key", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.admin.wallet.createAccount({ body: { account_id: "racy-account" } }),
      ),
    );
    expect(new Set(results.map((r) => r.address)).size).toBe(1);
  });

  it("refuses callers without a key (401) and non-admin accounts (403)", async () => {
    const customer = await h.account("plain-customer");
    const noKey = await failure(
      h.anonymous.wallet.createAccount({ body: { account_id: "sneaky" } }),
    );
    expect(noKey).toMatchObject({ status: 401, code: "unauthorized" });

    const wrongRole = await failure(
      customer.client.wallet.createAccount({ body: { account_id: "sneaky" } }),
    );
    expect(wrongRole).toMatchObject({ status: 403, code: "forbidden" });

    // Nothing was created: the admin now gets a brand-new key (201), not an existing one.
    const res = await fetch(`${h.wallet.url}/api/v1/wallet/accounts`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": h.config.adminApiKey! },
      body: JSON.stringify({ account_id: "sneaky" }),
    });
    expect(res.status).toBe(201);
  });

  it("refuses a tenant admin's key (403): only the platform admin creates custodial keys", async () => {
    const tenantAdminKey = h.coordinator.addAccount({
      id: "tenant-a-admin",
      role: "admin",
      tenant_id: "tenant-a",
      address: null,
    });
    const err = await failure(
      h.clientWithKey(tenantAdminKey).wallet.createAccount({
        body: { account_id: "tenant-b-victim" },
      }),
    );
    expect(err).toMatchObject({ status: 403, code: "forbidden" });
    // Nothing was created: the platform admin now gets a brand-new key (201).
    const res = await fetch(`${h.wallet.url}/api/v1/wallet/accounts`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": h.config.adminApiKey! },
      body: JSON.stringify({ account_id: "tenant-b-victim" }),
    });
    expect(res.status).toBe(201);
  });

  it("rejects a bad account id with 400 naming the field", async () => {
    const err = await failure(h.admin.wallet.createAccount({ body: { account_id: "not an id!" } }));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    expect(err.problem.errors?.map((e) => e.field)).toContain("body.account_id");
  });
});
