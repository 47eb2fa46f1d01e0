// Rotating the coordinator's receipt signing key: receipts signed before still verify with the keys
// GET /v1/keys publishes (each with its validity window), new receipts use the new key, and only the
// platform admin may rotate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import { verifyReceipt, type AitbcClient, type Receipt } from "@aitbc/sdk";
import {
  createAccount,
  eventually,
  failure,
  type Account,
  type Harness,
} from "./support/harness.js";
import { startMarket } from "./support/market.js";
import { type TestMiner } from "./support/miner-double.js";

describe.each(testDatabaseKinds())("receipt key rotation (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let customer: Account;
  let miner: TestMiner;

  beforeAll(async () => {
    ({ h, provider, customer, miner } = await startMarket(kind, {
      provider: "rotating-provider",
      customer: "rotating-customer",
      service: "rotating-svc",
    }));
  });
  afterAll(() => h.close());

  async function runJob() {
    await customer.client.coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: "aitbc-tiny:latest", prompt: "hi" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });
    const claim = (await miner.claim(0))!;
    return (await miner.complete(claim, "ok", 1000)).receipt;
  }

  function verifies(receipt: Receipt, keys: string[]) {
    return verifyReceipt(receipt, {
      coordinatorKeys: keys,
      providerKeys: [receipt.signatures[0]!.public_key],
    }).valid;
  }

  const listKeys = (c: AitbcClient) => c.coordinator.listKeys();

  it("old receipts still verify after a rotation; new ones are signed by the new key", async () => {
    const before = await runJob();
    const first = await listKeys(h.as(undefined));
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]!.valid_until).toBeNull();

    const rotated = await h.admin.coordinator.rotateReceiptKey();
    expect(rotated.key_id).not.toBe(first.keys[0]!.key_id);
    expect(rotated.valid_until).toBeNull();

    const after = await runJob();
    expect(after.signatures[1]!.key_id).toBe(rotated.key_id);
    expect(before.signatures[1]!.key_id).toBe(first.keys[0]!.key_id);

    const keys = (await listKeys(h.as(undefined))).keys;
    expect(keys.map((k) => k.key_id)).toEqual([first.keys[0]!.key_id, rotated.key_id]);
    const old = keys[0]!;
    expect(old.valid_until).not.toBeNull();
    expect(Date.parse(old.valid_until!)).toBeGreaterThanOrEqual(Date.parse(old.valid_from));
    const published = keys.map((k) => k.public_key);
    expect(verifies(before, published)).toBe(true);
    expect(verifies(after, published)).toBe(true);
    // The new key alone does not vouch for the old receipt: the old key must stay published.
    expect(verifies(before, [rotated.public_key])).toBe(false);
  });

  it("keeps the rotated key current across a restart", async () => {
    const current = (await listKeys(h.as(undefined))).keys.at(-1)!;
    await h.restart();
    // Connections kept alive to the stopped server fail once; settle them before asserting.
    for (const c of [h.as(undefined), customer.client, provider.client])
      await eventually(() => c.coordinator.getHealth(), "the restarted coordinator");
    const again = (await listKeys(h.as(undefined))).keys;
    expect(again.at(-1)).toEqual(current);
    const receipt = await runJob();
    expect(receipt.signatures[1]!.key_id).toBe(current.key_id);
  });

  it("a tenant admin or a customer cannot rotate the platform's key (403), and nothing changes", async () => {
    const tenantAdmin = await createAccount(h, "admin", undefined, { tenant_id: "rotation-t" });
    const keysBefore = (await listKeys(h.as(undefined))).keys;
    for (const c of [tenantAdmin.client, customer.client])
      expect(await failure(() => c.coordinator.rotateReceiptKey())).toMatchObject({
        status: 403,
      });
    expect((await listKeys(h.as(undefined))).keys).toEqual(keysBefore);
  });
});
