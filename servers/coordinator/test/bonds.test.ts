// Provider bonds on a real chain: with a minimum bond, a provider without one cannot list a
// service and is told how to post one; the bond shows on the service, browsing and jobs can ask for
// a minimum of their own, and a service whose bond is unlocked stops being matched.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  bondLockTx,
  bondUnlockTx,
  createAitbcClient,
  toMicro,
  type AitbcClient,
  type CoordinatorTypes,
} from "@aitbc/sdk";
import { startDevChain, type DevChain } from "@aitbc/node";
import { loadCoordinatorConfig } from "../src/index.js";
import {
  createAccount,
  eventually,
  failure,
  fundedCustomer,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { SettlementDouble } from "./support/settlement-double.js";
import { registerMiner, TINY_MODEL } from "./support/miner-double.js";
import { HeldKeys } from "./support/deposit-chain.js";

function inference(extra: { min_bond?: number } = {}): CoordinatorTypes.CreateJobRequest {
  return {
    requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "Hi", ...extra },
    budget: { max_cost: 5, currency: "AITBC" },
  };
}

describe("AITBC_MIN_BOND", () => {
  const base = {
    AITBC_ADMIN_API_KEY: "admin-key-0123456789",
    AITBC_DEV: "1",
    AITBC_NODE_URL: "http://127.0.0.1:1",
  };
  it("is an AITBC amount, 0 by default", () => {
    expect(loadCoordinatorConfig(base).minBondMicro).toBe(0n);
    expect(loadCoordinatorConfig({ ...base, AITBC_MIN_BOND: "2.5" }).minBondMicro).toBe(2_500_000n);
  });
  it("refuses what is not an amount, and a minimum without a node to read bonds from", () => {
    expect(() => loadCoordinatorConfig({ ...base, AITBC_MIN_BOND: "ten" })).toThrow(
      /AITBC_MIN_BOND/,
    );
    expect(() =>
      loadCoordinatorConfig({ ...base, AITBC_NODE_URL: undefined, AITBC_MIN_BOND: "10" }),
    ).toThrow(/AITBC_MIN_BOND needs AITBC_NODE_URL/);
  });
});

describe.each(testDatabaseKinds())("provider bonds (%s)", (kind) => {
  const nodeAdminKey = "admin_" + randomBytes(16).toString("hex");
  const keys = new HeldKeys();
  let chain: DevChain;
  let chainId: string;
  let node: AitbcClient;
  let h: Harness;

  async function signAndWait(
    address: string,
    tx: Parameters<AitbcClient["node"]["submitTransaction"]>[0]["body"],
  ) {
    await node.node.submitTransaction({ body: tx });
    await eventually(async () => {
      const view = await node.node.getAccount({ path: { address } });
      return view.nonce === view.pending_nonce;
    }, "the bond transaction in a block");
  }

  async function lockBond(a: Account, aitbc: number) {
    await node.node.requestFaucet({ body: { address: a.address, amount: aitbc } });
    await eventually(
      async () =>
        BigInt((await node.node.getAccount({ path: { address: a.address } })).balance_micro) >=
        toMicro(aitbc),
      "the faucet grant",
    );
    const { pending_nonce } = await node.node.getAccount({ path: { address: a.address } });
    const secretKey = keys.secretKeyOf(a.address);
    await signAndWait(
      a.address,
      bondLockTx({ chainId, nonce: pending_nonce, secretKey }, toMicro(aitbc)),
    );
  }

  async function unlockBond(a: Account) {
    const { pending_nonce } = await node.node.getAccount({ path: { address: a.address } });
    const secretKey = keys.secretKeyOf(a.address);
    await signAndWait(a.address, bondUnlockTx({ chainId, nonce: pending_nonce, secretKey }));
  }

  beforeAll(async () => {
    chain = await startDevChain({ validators: 1, adminApiKey: nodeAdminKey, logLevel: "silent" });
    chainId = chain.nodes[0]!.chainId;
    node = createAitbcClient({
      nodeUrl: chain.nodes[0]!.url,
      apiKey: nodeAdminKey,
      http: { retries: 0 },
    });
    h = await startHarness(
      kind,
      { chainId, nodeUrl: chain.nodes[0]!.url, minBondMicro: toMicro(10) },
      new SettlementDouble(),
      { addresses: keys },
    );
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    await chain?.close();
  });

  it("refuses a service without the minimum bond, saying how to post one; with it the service lists and shows its bond", async () => {
    const provider = await createAccount(h, "provider");
    const refused = await failure(() =>
      provider.client.coordinator.registerService({ body: serviceConfig("unbonded-001") }),
    );
    expect(refused).toMatchObject({ status: 422, code: "bond_required" });
    expect(refused.problem).toMatchObject({ min_bond: 10, bond: 0 });
    expect(refused.problem.detail).toContain("aitbc bond lock 10");
    expect(
      await failure(() => h.admin.coordinator.getService({ path: { service_id: "unbonded-001" } })),
    ).toMatchObject({ status: 404 });

    await lockBond(provider, 12.5);
    const listed = await provider.client.coordinator.registerService({
      body: serviceConfig("unbonded-001"),
    });
    expect(listed.bond).toEqual({
      amount: 12.5,
      amount_micro: "12500000",
      required: 10,
      meets_minimum: true,
    });
  });

  it("filters by min_bond, matches only bonded services, and stops matching a service whose bond is unlocked", async () => {
    const small = await createAccount(h, "provider");
    const big = await createAccount(h, "provider");
    await lockBond(small, 10);
    await lockBond(big, 30);
    // The small bond is the cheaper service, so a job without min_bond goes there.
    await small.client.coordinator.registerService({
      body: serviceConfig("bond-small", { pricing: { rate_per_hour: 50, currency: "AITBC" } }),
    });
    await big.client.coordinator.registerService({
      body: serviceConfig("bond-big", { pricing: { rate_per_hour: 90, currency: "AITBC" } }),
    });
    await registerMiner(small);
    await registerMiner(big);

    const browsed = await h.admin.coordinator.listServices({ query: { min_bond: 20 } });
    expect(browsed.services.map((s) => s.service_id)).toEqual(["bond-big"]);
    expect(
      (await h.admin.coordinator.listServices({ query: { min_bond: 10 } })).services.map(
        (s) => s.service_id,
      ),
    ).toEqual(expect.arrayContaining(["bond-big", "bond-small"]));

    const customer = await fundedCustomer(h);
    const cheap = await customer.client.coordinator.createJob({ body: inference() });
    expect(cheap.service_id).toBe("bond-small");
    const bonded = await customer.client.coordinator.createJob({
      body: inference({ min_bond: 20 }),
    });
    expect(bonded.service_id).toBe("bond-big");
    const tooMuch = await failure(() =>
      customer.client.coordinator.createJob({ body: inference({ min_bond: 1000 }) }),
    );
    expect(tooMuch).toMatchObject({ status: 422, code: "no_matching_service" });
    expect(tooMuch.problem.reasons).toContainEqual(
      expect.objectContaining({
        filter: "min_bond",
        excluded: expect.arrayContaining(["bond-big", "bond-small"]),
      }),
    );

    await unlockBond(big);
    const refused = await eventually(async () => {
      const err = await failure(() =>
        customer.client.coordinator.createJob({
          body: { ...inference(), service_id: "bond-big" },
        }),
      ).catch(() => undefined);
      return err?.status === 422 ? err : undefined;
    }, "the unlocked bond to count as none");
    expect(refused.code).toBe("no_matching_service");
    expect(refused.problem.reasons).toEqual([
      expect.objectContaining({ filter: "bond", excluded: ["bond-big"] }),
    ]);
    expect(String((refused.problem.reasons as Array<{ message: string }>)[0]!.message)).toContain(
      "minimum of 10 AITBC",
    );
    const card = await h.admin.coordinator.getService({ path: { service_id: "bond-big" } });
    expect(card.bond).toMatchObject({ amount: 0, meets_minimum: false, required: 10 });

    // Taken off the market, it cannot come back without a bond.
    await big.client.coordinator.deactivateService({ path: { service_id: "bond-big" } });
    const back = await failure(() =>
      big.client.coordinator.updateService({
        path: { service_id: "bond-big" },
        body: { status: "active" },
      }),
    );
    expect(back).toMatchObject({ status: 422, code: "bond_required" });
    expect(
      (await h.admin.coordinator.getService({ path: { service_id: "bond-big" } })).status,
    ).toBe("inactive");
  });
});
