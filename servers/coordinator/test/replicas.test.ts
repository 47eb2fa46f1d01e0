// Two coordinator replicas on one PostgreSQL database: a stream subscriber on one replica gets the
// events of a job that runs through the other, carried by LISTEN/NOTIFY (the replicas' own
// periodic re-checks are set to a minute, longer than the test may take). PostgreSQL only.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, createTestDatabase, type TestDatabase } from "@aitbc/server-lib";
import { createAitbcClient, streamJobEvents, toMicro, type JobEvent } from "@aitbc/sdk";
import {
  loadCoordinatorConfig,
  startCoordinator,
  type CoordinatorConfig,
  type RunningCoordinator,
} from "../src/index.js";
import { SettlementDouble } from "./support/settlement-double.js";
import { eventually, serviceConfig } from "./support/harness.js";
import { registerMiner, TINY_MODEL } from "./support/miner-double.js";

const pg = !!process.env.AITBC_TEST_DATABASE_URL;

describe.skipIf(!pg)("replicas on one PostgreSQL database", () => {
  const adminApiKey = "admin_" + randomBytes(16).toString("hex");
  const settlement = new SettlementDouble();
  let database: TestDatabase;
  let a: RunningCoordinator;
  let b: RunningCoordinator;

  beforeAll(async () => {
    database = createTestDatabase("postgres");
    const config: CoordinatorConfig = {
      ...loadCoordinatorConfig({
        AITBC_ADMIN_API_KEY: adminApiKey,
        AITBC_DEV: "1",
        AITBC_DATABASE_URL: database.url,
      }),
      databaseSchema: database.schema!,
      port: 0,
      rateLimit: false,
      claimRecheckMs: 60_000,
      streamRecheckMs: 60_000,
    };
    const logger = createLogger("coordinator", "silent");
    a = await startCoordinator(config, { settlement, logger });
    b = await startCoordinator(config, { settlement, logger });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.destroy();
  });

  it("streams from replica B the events of a job that runs through replica A", async () => {
    const onA = (key: string) =>
      createAitbcClient({ coordinatorUrl: a.url, apiKey: key, http: { retries: 0 } });
    const admin = onA(adminApiKey);
    const provider = await admin.coordinator.createAccount({
      body: { id: "gpu-compute-pro", name: "p", role: "provider" },
    });
    const customer = await admin.coordinator.createAccount({
      body: { id: "customer-123", name: "c", role: "customer" },
    });
    settlement.fund(customer.api_key, toMicro(10));
    const providerClient = onA(provider.api_key);
    await providerClient.coordinator.registerService({ body: serviceConfig("gpu-compute-001") });
    const miner = await registerMiner({ id: provider.id, client: providerClient });
    const job = await onA(customer.api_key).coordinator.createJob({
      body: {
        requirements: { task_type: "inference", model: TINY_MODEL.name, prompt: "hi" },
        budget: { max_cost: 1, currency: "AITBC" },
      },
    });

    const got: JobEvent[] = [];
    const reading = (async () => {
      for await (const e of streamJobEvents(job.job_id, {
        coordinatorUrl: b.url,
        apiKey: customer.api_key,
        reconnect: false,
      }))
        got.push(e);
    })();
    // B has sent the stored event, so its subscriber is registered before anything else happens.
    await eventually(() => got.length === 1, "the first event from replica B");

    const claim = (await miner.claim(0))!;
    await providerClient.coordinator.reportJobProgress({
      path: { job_id: job.job_id },
      body: { lease_id: claim.lease.lease_id, events: [{ kind: "token", text: "hi" }] },
    });
    await miner.complete(claim, "hi", 1000);
    await reading;
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(got.at(-1)?.type).toBe("result");
  });
});
