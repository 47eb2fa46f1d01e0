// API keys after they are handed out: rotation with a grace period, listing, revocation by the owner
// and by an admin of the same tenant, refusal of revoked keys within 1 s, and the attacker's side:
// another tenant's admin, another account's key id, a flood of random keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  createAccount,
  eventually,
  failure,
  startHarness,
  type Harness,
} from "./support/harness.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("API keys (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("rotates: the new key works, the old one keeps working for 24 h and is listed as expiring", async () => {
    const a = await createAccount(h, "customer");
    const before = Date.now();
    const rotated = await a.client.coordinator.rotateMyKey({ body: {} });
    expect(rotated.api_key).not.toBe(a.apiKey);
    expect(rotated.key.status).toBe("active");
    expect(rotated.previous.status).toBe("expiring");
    const expires = Date.parse(rotated.previous.expires_at!);
    expect(expires).toBeGreaterThanOrEqual(before + DAY_MS - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + DAY_MS + 1000);
    expect((await h.as(rotated.api_key).coordinator.getMe()).id).toBe(a.id);
    expect((await a.client.coordinator.getMe()).id).toBe(a.id);
    const listed = await h.as(rotated.api_key).coordinator.listMyKeys();
    expect(listed.keys.map((k) => [k.key_id, k.status])).toEqual([
      [rotated.key.key_id, "active"],
      [rotated.previous.key_id, "expiring"],
    ]);
    expect(JSON.stringify(listed)).not.toContain(rotated.api_key);
    expect(JSON.stringify(listed)).not.toContain(a.apiKey);
  });

  it("rotates with revoke_current: the old key is refused at once", async () => {
    const a = await createAccount(h, "provider");
    const rotated = await a.client.coordinator.rotateMyKey({ body: { revoke_current: true } });
    expect(rotated.previous.status).toBe("revoked");
    expect(await failure(() => a.client.coordinator.getMe())).toMatchObject({ status: 401 });
    expect((await h.as(rotated.api_key).coordinator.getMe()).id).toBe(a.id);
  });

  it("a revoked key is refused (401) everywhere in the coordinator within 1 s", async () => {
    const a = await createAccount(h, "customer");
    const spare = await a.client.coordinator.rotateMyKey({ body: {} });
    // Warm every cache with the key about to be revoked.
    await a.client.coordinator.getMe();
    await a.client.coordinator.listJobs({ query: {} });
    await h.as(spare.api_key).coordinator.revokeMyKey({
      path: { key_id: spare.previous.key_id },
    });
    const revokedAt = Date.now();
    // Timed by when the first refused request was sent, so a slow machine's answer time does not count.
    const refusedSentAt = await eventually(async () => {
      const sentAt = Date.now();
      return (await failure(() => a.client.coordinator.getMe())).status === 401 && sentAt;
    }, "the revoked key to be refused");
    expect(refusedSentAt - revokedAt).toBeLessThanOrEqual(1000);
    expect(await failure(() => a.client.coordinator.listJobs({ query: {} }))).toMatchObject({
      status: 401,
    });
  });

  it("an account cannot revoke or see another account's key (404), even knowing its id", async () => {
    const victim = await createAccount(h, "customer");
    const attacker = await createAccount(h, "customer");
    const [victimKey] = (await victim.client.coordinator.listMyKeys()).keys;
    expect(
      await failure(() =>
        attacker.client.coordinator.revokeMyKey({ path: { key_id: victimKey!.key_id } }),
      ),
    ).toMatchObject({ status: 404, code: "not_found" });
    expect((await victim.client.coordinator.getMe()).id).toBe(victim.id);
  });

  it("the platform admin key has no keys of its own to rotate (403)", async () => {
    expect(await failure(() => h.admin.coordinator.rotateMyKey({ body: {} }))).toMatchObject({
      status: 403,
    });
  });

  it("rejects unknown fields and malformed key ids with 400", async () => {
    const a = await createAccount(h, "customer");
    const bad = await failure(() =>
      a.client.coordinator.rotateMyKey({ body: { revoke_current: true, extra: 1 } as never }),
    );
    expect(bad).toMatchObject({ status: 400 });
    expect((await a.client.coordinator.getMe()).id).toBe(a.id);
    expect(
      await failure(() => a.client.coordinator.revokeMyKey({ path: { key_id: "../../x" } })),
    ).toMatchObject({ status: 400 });
  });

  it("a tenant admin lists and revokes keys of its own tenant only; another tenant's are 404", async () => {
    const adminA = await createAccount(h, "admin", undefined, { tenant_id: "tenant-a" });
    const adminB = await createAccount(h, "admin", undefined, { tenant_id: "tenant-b" });
    const userA = await createAccount(h, "customer", undefined, {}, adminA.client);
    const userB = await createAccount(h, "customer", undefined, {}, adminB.client);
    const [keyB] = (await userB.client.coordinator.listMyKeys()).keys;

    expect(
      await failure(() =>
        adminA.client.coordinator.listAccountKeys({ path: { account_id: userB.id } }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(() =>
        adminA.client.coordinator.revokeAccountKey({
          path: { account_id: userB.id, key_id: keyB!.key_id },
        }),
      ),
    ).toMatchObject({ status: 404 });
    // The key id of tenant B's user under tenant A's account: still 404, and nothing changed.
    expect(
      await failure(() =>
        adminA.client.coordinator.revokeAccountKey({
          path: { account_id: userA.id, key_id: keyB!.key_id },
        }),
      ),
    ).toMatchObject({ status: 404 });
    expect((await userB.client.coordinator.getMe()).id).toBe(userB.id);
    expect(
      await failure(() =>
        userA.client.coordinator.listAccountKeys({ path: { account_id: userA.id } }),
      ),
    ).toMatchObject({ status: 403 });

    const [keyA] = (
      await adminA.client.coordinator.listAccountKeys({ path: { account_id: userA.id } })
    ).keys;
    const revoked = await adminA.client.coordinator.revokeAccountKey({
      path: { account_id: userA.id, key_id: keyA!.key_id },
    });
    expect(revoked.status).toBe("revoked");
    await eventually(
      async () => (await failure(() => userA.client.coordinator.getMe())).status === 401,
      "tenant A's revoked key to be refused",
      1000,
    );
    // The platform admin administers every tenant.
    const platform = await h.admin.coordinator.revokeAccountKey({
      path: { account_id: userB.id, key_id: keyB!.key_id },
    });
    expect(platform.status).toBe("revoked");
  });

  it("a flood of one unknown key costs one database lookup per cache window, not one per request", async () => {
    const spy = vi.spyOn(h.coordinator.context.repos.apiKeys, "byHash");
    const stranger = h.as("ak_customer_not-a-key-but-looks-like-one");
    const started = Date.now();
    for (let i = 0; i < 20; i++)
      expect(await failure(() => stranger.coordinator.getMe())).toMatchObject({ status: 401 });
    // One query per 500 ms cache window, however many requests fall in it.
    const windows = Math.ceil((Date.now() - started) / 500);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(windows + 1);
    expect(spy.mock.calls.length).toBeLessThan(20);
    spy.mockRestore();
  });
});
