// Accounts, keys and tenancy: POST /v1/admin/accounts and GET /v1/me.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { isAddress } from "@aitbc/sdk";
import { createAccount, failure, startHarness, type Harness } from "./support/harness.js";

describe.each(testDatabaseKinds())("accounts (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("creates an account with a key and an address, and the key answers /v1/me", async () => {
    const created = await h.admin.coordinator.createAccount({
      body: { id: "customer-123", name: "Alice", role: "customer" },
    });
    expect(created).toMatchObject({ id: "customer-123", role: "customer", tenant_id: "default" });
    expect(isAddress(created.address)).toBe(true);
    const me = await h.as(created.api_key).coordinator.getMe();
    expect(me).toEqual({
      id: "customer-123",
      name: "Alice",
      role: "customer",
      tenant_id: "default",
      address: created.address,
      platform_admin: false,
    });
    const admin = await h.admin.coordinator.getMe();
    expect(admin).toMatchObject({
      id: "admin",
      role: "admin",
      address: null,
      platform_admin: true,
    });
  });

  it("stores keys hashed, never in clear", async () => {
    const a = await createAccount(h, "provider", "hash-check");
    const row = await h.db()("accounts").where({ id: "hash-check" }).first();
    expect(JSON.stringify(row)).not.toContain(a.apiKey);
  });

  it("refuses missing and unknown keys with 401 and wrong roles with 403", async () => {
    expect(await failure(() => h.as(undefined).coordinator.getMe())).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    expect(await failure(() => h.as("nope-not-a-key").coordinator.getMe())).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    const customer = await createAccount(h, "customer");
    const err = await failure(() =>
      customer.client.coordinator.createAccount({ body: { name: "x", role: "admin" } }),
    );
    expect(err).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("rejects a duplicate id with 409 and bad input with 400, creating nothing", async () => {
    await createAccount(h, "customer", "dup-1");
    const dup = await failure(() =>
      h.admin.coordinator.createAccount({ body: { id: "dup-1", name: "x", role: "customer" } }),
    );
    expect(dup).toMatchObject({ status: 409, code: "already_exists" });
    const bad = await failure(() =>
      h.admin.coordinator.createAccount({
        body: { id: "bad-role", name: "x", role: "superuser" as never },
      }),
    );
    expect(bad).toMatchObject({ status: 400, code: "validation_failed" });
    expect(bad.problem.errors?.[0]?.field).toBe("body.role");
    expect(await h.db()("accounts").where({ id: "bad-role" }).first()).toBeUndefined();
  });

  it("keeps tenant admins inside their tenant", async () => {
    const tenantAdmin = await createAccount(h, "admin", "acme-admin", { tenant_id: "acme" });
    const inAcme = await createAccount(h, "customer", "acme-customer", {}, tenantAdmin.client);
    expect((await inAcme.client.coordinator.getMe()).tenant_id).toBe("acme");
    const err = await failure(() =>
      tenantAdmin.client.coordinator.createAccount({
        body: { name: "x", role: "customer", tenant_id: "default" },
      }),
    );
    expect(err).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("replays a create with the same Idempotency-Key instead of creating twice", async () => {
    const headers = { "Idempotency-Key": "acct-create-1" };
    const body = { name: "Bob", role: "customer" as const };
    const first = await h.admin.coordinator.createAccount({ body, headers });
    const again = await h.admin.coordinator.createAccount({ body, headers });
    expect(again).toEqual(first);
    const reused = await failure(() =>
      h.admin.coordinator.createAccount({ body: { ...body, name: "Carol" }, headers }),
    );
    expect(reused).toMatchObject({ status: 409, code: "idempotency_key_reused" });
  });
});
