// Services: register (a provider's service_config), browse with filters and stable paging, details,
// owner-only update and deactivation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@aitbc/server-lib";
import {
  createAccount,
  failure,
  serviceConfig,
  startHarness,
  type Account,
  type Harness,
} from "./support/harness.js";
import { registerMiner } from "./support/miner-double.js";

const GPU_SERVICE_CONFIG = {
  service_id: "gpu-compute-001",
  name: "GPU Computing Service",
  type: "gpu_compute",
  specs: {
    gpu_type: "NVIDIA RTX 4090",
    memory: "24GB",
    cuda_cores: 16384,
    supported_frameworks: ["PyTorch", "TensorFlow", "JAX"],
  },
  pricing: { rate_per_hour: 100, currency: "AITBC" as const },
  availability: {
    start_time: "2024-01-01T00:00:00Z",
    end_time: "2024-12-31T23:59:59Z",
    timezone: "UTC",
  },
};

describe.each(testDatabaseKinds())("services (%s)", (kind) => {
  let h: Harness;
  let provider: Account;
  let other: Account;
  let customer: Account;

  beforeAll(async () => {
    h = await startHarness(kind);
    provider = await createAccount(h, "provider", "gpu-compute-pro");
    other = await createAccount(h, "provider", "other-provider");
    customer = await createAccount(h, "customer", "customer-123");
  });
  afterAll(() => h.close());

  it("registers a service_config whose window is in 2024; it is not available now", async () => {
    const s = await provider.client.coordinator.registerService({ body: GPU_SERVICE_CONFIG });
    expect(s).toMatchObject({
      service_id: "gpu-compute-001",
      provider_id: "gpu-compute-pro",
      status: "active",
      available_now: false,
      pricing: { rate_per_hour: 100, currency: "AITBC", unit_price: "100000000" },
      models: [],
      online_miners: 0,
    });
    const seen = await customer.client.coordinator.getService({
      path: { service_id: "gpu-compute-001" },
    });
    expect(seen).toEqual(s);
  });

  it("refuses a duplicate id (409), a customer (403), no key (401) and bad bodies (400)", async () => {
    expect(
      await failure(() => other.client.coordinator.registerService({ body: GPU_SERVICE_CONFIG })),
    ).toMatchObject({ status: 409, code: "already_exists" });
    expect(
      await failure(() =>
        customer.client.coordinator.registerService({ body: serviceConfig("by-customer") }),
      ),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(
      await failure(() =>
        h.as(undefined).coordinator.registerService({ body: serviceConfig("no-key") }),
      ),
    ).toMatchObject({ status: 401 });
    const negative = await failure(() =>
      provider.client.coordinator.registerService({
        body: serviceConfig("bad-price", { pricing: { rate_per_hour: -5, currency: "AITBC" } }),
      }),
    );
    expect(negative).toMatchObject({ status: 400, code: "validation_failed" });
    expect(negative.problem.errors?.[0]?.field).toBe("body.pricing.rate_per_hour");
    const tooPrecise = await failure(() =>
      provider.client.coordinator.registerService({
        body: serviceConfig("bad-decimals", {
          pricing: { rate_per_hour: 1.0000001, currency: "AITBC" },
        }),
      }),
    );
    expect(tooPrecise.problem.errors?.[0]?.field).toBe("body.pricing.rate_per_hour");
    const backwards = await failure(() =>
      provider.client.coordinator.registerService({
        body: serviceConfig("bad-window", {
          availability: { start_time: "2026-02-01T00:00:00Z", end_time: "2026-01-01T00:00:00Z" },
        }),
      }),
    );
    expect(backwards.problem.errors?.[0]?.field).toBe("body.availability.end_time");
    const extra = await failure(() =>
      provider.client.coordinator.registerService({
        body: { ...serviceConfig("extra"), surprise: 1 } as never,
      }),
    );
    expect(extra.code).toBe("validation_failed");
    for (const id of ["by-customer", "no-key", "bad-price", "bad-decimals", "bad-window", "extra"])
      expect(await h.db()("services").where({ service_id: id }).first()).toBeUndefined();
  });

  it("filters by type, price, availability, framework and model, with stable paging", async () => {
    await provider.client.coordinator.registerService({
      body: serviceConfig("cheap-now", { pricing: { rate_per_hour: 50, currency: "AITBC" } }),
    });
    await provider.client.coordinator.registerService({
      body: serviceConfig("render-now", {
        type: "rendering",
        pricing: { rate_per_hour: 80, currency: "AITBC" },
        specs: { gpu_type: "RTX 4090", memory: "24GB", supported_frameworks: ["Blender"] },
      }),
    });
    await other.client.coordinator.registerService({
      body: serviceConfig("pricey-now", { pricing: { rate_per_hour: 300, currency: "AITBC" } }),
    });
    const c = h.as(undefined).coordinator;
    const ids = async (query: Record<string, unknown>) =>
      (await c.listServices({ query: query as never })).services.map((s) => s.service_id);

    expect(await ids({})).toEqual(["cheap-now", "gpu-compute-001", "pricey-now", "render-now"]);
    expect(await ids({ type: "rendering" })).toEqual(["render-now"]);
    expect(await ids({ min_price: 50, max_price: 200 })).toEqual([
      "cheap-now",
      "gpu-compute-001",
      "render-now",
    ]);
    expect(await ids({ available_now: true })).toEqual(["cheap-now", "pricey-now", "render-now"]);
    expect(await ids({ framework: "pytorch" })).toEqual([
      "cheap-now",
      "gpu-compute-001",
      "pricey-now",
    ]);
    expect(await ids({ model: "aitbc-tiny:latest" })).toEqual([]);
    await registerMiner(provider);
    expect(await ids({ model: "aitbc-tiny:latest", available_now: true })).toEqual([
      "cheap-now",
      "render-now",
    ]);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await c.listServices({ query: { limit: 2, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.services.map((s) => s.service_id));
      if (!page.page.next_cursor) break;
      cursor = page.page.next_cursor;
    }
    expect(seen).toEqual(["cheap-now", "gpu-compute-001", "pricey-now", "render-now"]);

    const bad = await failure(() => c.listServices({ query: { limit: 0 } }));
    expect(bad).toMatchObject({ status: 400, code: "validation_failed" });
    const unknown = await failure(() => c.listServices({ query: { color: "red" } as never }));
    expect(unknown).toMatchObject({ status: 400, code: "validation_failed" });
    const cursorErr = await failure(() => c.listServices({ query: { cursor: "garbage" } }));
    expect(cursorErr.problem.errors?.[0]?.field).toBe("query.cursor");
  });

  it("answers 404 for an unknown service", async () => {
    expect(
      await failure(() => h.as(undefined).coordinator.getService({ path: { service_id: "nope" } })),
    ).toMatchObject({ status: 404, code: "not_found" });
  });

  it("lets only the owner update or deactivate a service", async () => {
    const updated = await provider.client.coordinator.updateService({
      path: { service_id: "gpu-compute-001" },
      body: {
        availability: serviceConfig("current-window").availability!,
        pricing: { rate_per_hour: 90, currency: "AITBC" },
      },
    });
    expect(updated).toMatchObject({ available_now: true, pricing: { rate_per_hour: 90 } });
    expect(
      await failure(() =>
        other.client.coordinator.updateService({
          path: { service_id: "gpu-compute-001" },
          body: { name: "mine now" },
        }),
      ),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(
      await failure(() =>
        other.client.coordinator.deactivateService({ path: { service_id: "gpu-compute-001" } }),
      ),
    ).toMatchObject({ status: 403 });
    expect(
      await failure(() =>
        provider.client.coordinator.updateService({
          path: { service_id: "gpu-compute-001" },
          body: {},
        }),
      ),
    ).toMatchObject({ status: 400 });
    const off = await provider.client.coordinator.deactivateService({
      path: { service_id: "gpu-compute-001" },
    });
    expect(off).toMatchObject({ status: "inactive", available_now: false });
    const listed = await h.as(undefined).coordinator.listServices();
    expect(listed.services.map((s) => s.service_id)).not.toContain("gpu-compute-001");
    const all = await h.as(undefined).coordinator.listServices({ query: { status: "inactive" } });
    expect(all.services.map((s) => s.service_id)).toEqual(["gpu-compute-001"]);
    const back = await provider.client.coordinator.updateService({
      path: { service_id: "gpu-compute-001" },
      body: { status: "active" },
    });
    expect(back.status).toBe("active");
  });
});
