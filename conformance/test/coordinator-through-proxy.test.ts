// The contract level against the real coordinator (in-process, SQLite in a temp dir, port 0) with
// `prism proxy --errors` in front of it: every valid call must reach the
// coordinator with the real keys and come back schema-valid (Prism fails it otherwise), and every
// invalid one must be refused, by the proxy or by the coordinator. Then the same level directly
// against the coordinator, where the job stream's refusals are checked over a real WebSocket.
// Without wallet and node URLs the coordinator has no settlement (job creation answers 503), so
// there is no job to subscribe to here; the stack test subscribes to real jobs. Runs on SQLite and,
// when AITBC_TEST_DATABASE_URL is set (CI), on PostgreSQL too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAitbcClient } from "@aitbc/sdk";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@aitbc/server-lib";
import {
  loadCoordinatorConfig,
  startCoordinator,
  type RunningCoordinator,
} from "@aitbc/coordinator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../src/config/cli-options.js";
import { freePort } from "../src/mock/free-port.js";
import { startPrism, type PrismProcess } from "../src/mock/prism-process.js";
import { Reporter } from "../src/report/reporter.js";
import { runConformance } from "../src/run-conformance.js";
import { loadOpenApiDocuments } from "../src/spec/documents.js";
import { listOperations } from "../src/spec/operations.js";

const ADMIN_KEY = "conformance-admin-key-0123456789";
const coordinatorDoc = loadOpenApiDocuments().find((d) => d.name === "coordinator")!;

describe.each(testDatabaseKinds())("the real coordinator (%s)", (kind) => {
  let dataDir: string;
  let database: TestDatabase;
  let coordinator: RunningCoordinator;
  let proxy: PrismProcess;
  const keys: string[] = [];

  beforeAll(async () => {
    process.env.AITBC_LOG_LEVEL ??= "silent";
    dataDir = mkdtempSync(join(tmpdir(), "aitbc-conformance-coordinator-"));
    database = createTestDatabase(kind);
    coordinator = await startCoordinator(
      loadCoordinatorConfig({
        AITBC_ADMIN_API_KEY: ADMIN_KEY,
        AITBC_DEV: "1",
        AITBC_DATA_DIR: dataDir,
        AITBC_DATABASE_URL: database.url,
        ...(database.schema ? { AITBC_DATABASE_SCHEMA: database.schema } : {}),
        AITBC_COORDINATOR_PORT: "0",
      }),
    );
    const admin = createAitbcClient({ coordinatorUrl: coordinator.url, apiKey: ADMIN_KEY });
    for (const role of ["provider", "customer"] as const) {
      const account = await admin.coordinator.createAccount({
        body: { id: `conformance-${role}`, name: `Conformance ${role}`, role },
      });
      keys.push(account.api_key);
    }
    proxy = await startPrism({
      name: "coordinator",
      specFile: coordinatorDoc.file,
      port: await freePort(),
      upstream: coordinator.url,
      errors: true,
    });
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await coordinator?.close();
    await database?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function contractAgainst(url: string) {
    const lines: string[] = [];
    const reporter = new Reporter((line) => lines.push(line));
    const [providerKey, customerKey] = keys;
    await runConformance(
      parseArgs([
        "--coordinator",
        url,
        "--admin-key",
        ADMIN_KEY,
        "--provider-key",
        providerKey!,
        "--customer-key",
        customerKey!,
        "--stack-dir",
        join(dataDir, "no-stack-here"),
      ]),
      { reporter },
    );
    const of = (scope: string) => reporter.results.filter((r) => r.scope === scope);
    return { reporter, lines, of };
  }

  it("passes the contract level through prism proxy --errors", async () => {
    const { reporter, lines, of } = await contractAgainst(proxy.url);
    expect(lines[1]).toMatch(/coordinator .*\(Prism proxy in front of an implementation: /);
    expect(reporter.results.filter((r) => r.outcome === "FAIL")).toEqual([]);

    const checks = of("coordinator");
    const valid = checks.filter((r) => !r.subject.includes(" ["));
    expect(valid.map((r) => r.subject).sort()).toEqual(
      listOperations(coordinatorDoc)
        .map((op) => op.label)
        .sort(),
    );
    expect(checks.every((r) => r.outcome === "PASS")).toBe(true);
    // The real keys went through: the admin created an account, the provider a service.
    expect(valid.map((r) => `${r.subject} → ${r.detail}`)).toEqual(
      expect.arrayContaining([
        "POST /v1/admin/accounts (createAccount) → 201 application/json matches the schema",
        "POST /v1/services/register (registerService) → 201 application/json matches the schema",
        "GET /v1/me (getMe) → 200 application/json matches the schema",
      ]),
    );
    const invalid = checks.filter((r) => r.subject.includes(" ["));
    expect(invalid.length).toBeGreaterThan(20);
    expect(
      invalid.every((r) =>
        r.detail.match(/^4\d\d (rejected by the proxy before reaching the server|problem )/),
      ),
    ).toBe(true);
    expect(of("job-stream")).toEqual([
      expect.objectContaining({
        outcome: "SKIP",
        detail: expect.stringMatching(/Prism's proxy does not carry WebSockets/),
      }),
    ]);
  });

  it("passes it directly too, with the job stream's refusals checked over WebSocket", async () => {
    const { reporter, lines, of } = await contractAgainst(coordinator.url);
    expect(lines[1]).toMatch(/coordinator .*\(implementation: /);
    expect(reporter.results.filter((r) => r.outcome === "FAIL")).toEqual([]);
    expect(of("job-stream").map((r) => `${r.outcome} ${r.subject} → ${r.detail}`)).toEqual([
      "PASS WS /v1/jobs/{job_id}/stream (jobStream) [no key] → closed 4401 unauthorized",
      "PASS WS /v1/jobs/{job_id}/stream (jobStream) [a job that does not exist] → closed 4404 not_found",
      "SKIP WS /v1/jobs/{job_id}/stream (jobStream) → no job to subscribe to: GET /v1/admin/jobs lists none; run the scenario level first",
    ]);
  });
});
