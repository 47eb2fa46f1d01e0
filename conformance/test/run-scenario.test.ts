// How the scenario runner reports cases: then-checks that need real state are SKIP against a
// mock and run against an implementation; blocked cases are SKIP with the reason; errors are FAIL.
import { describe, expect, it } from "vitest";
import { runScenario } from "../src/scenario/run-scenario.js";
import { Blocked, type ScenarioCase } from "../src/scenario/scenario-case.js";
import { ScenarioContext } from "../src/scenario/scenario-context.js";
import { Reporter } from "../src/report/reporter.js";
import { quietReporter } from "./helpers.js";

function context(mode: "mock" | "real", reporter = quietReporter()) {
  return { reporter, ctx: new ScenarioContext({ mode, documents: [], targets: {}, reporter }) };
}

function makeCase(overrides: Partial<ScenarioCase>): ScenarioCase {
  return {
    id: "9.9",
    title: "a case",
    needsRealState: true,
    thenChecks: "the balance moved",
    async given() {},
    async when() {},
    async then(ctx) {
      ctx.check("the balance moved", true, "100 → 95");
    },
    ...overrides,
  };
}

const lines = (reporter: ReturnType<typeof quietReporter>) =>
  reporter.results.map((r) => `${r.outcome} ${r.scope} ${r.subject} → ${r.detail}`);

describe("runScenario", () => {
  it("skips a real-state then against a mock and runs it against an implementation", async () => {
    const mock = context("mock");
    await runScenario(mock.ctx, [makeCase({})], mock.reporter);
    expect(lines(mock.reporter)).toEqual([
      "SKIP 9.9 then → needs a real implementation: the balance moved",
    ]);
    const real = context("real");
    await runScenario(real.ctx, [makeCase({})], real.reporter);
    expect(lines(real.reporter)).toEqual(["PASS 9.9 then the balance moved → 100 → 95"]);
  });

  it("runs a then that needs no real state against a mock too", async () => {
    const mock = context("mock");
    await runScenario(mock.ctx, [makeCase({ needsRealState: false })], mock.reporter);
    expect(mock.reporter.summary()).toEqual({ pass: 1, fail: 0, skip: 0 });
  });

  it("hands state from case to case and blocks a case whose input is missing", async () => {
    const { ctx, reporter } = context("real");
    const producer = makeCase({
      id: "1",
      async when(c) {
        c.remember("jobId", "j-1");
      },
      async then() {},
    });
    const consumer = makeCase({
      id: "2",
      async given(c) {
        c.need("serviceId");
      },
    });
    const reader = makeCase({
      id: "3",
      async then(c) {
        c.check("job id", c.need("jobId") === "j-1", c.need("jobId"));
      },
    });
    await runScenario(ctx, [producer, consumer, reader], reporter);
    expect(lines(reporter)).toEqual([
      "SKIP 2 a case → needs serviceId from an earlier case",
      "PASS 3 then job id → j-1",
    ]);
  });

  it("reports a failing assertion, a thrown error and a pending check", async () => {
    const { ctx, reporter } = context("real");
    await runScenario(
      ctx,
      [
        makeCase({
          id: "a",
          async then(c) {
            c.check("the job completed", false, "failed");
          },
        }),
        makeCase({
          id: "b",
          async when() {
            throw new TypeError("boom");
          },
        }),
        makeCase({
          id: "c",
          async then(c) {
            c.pending("the stream replays", "no client yet");
          },
        }),
        makeCase({
          id: "d",
          async given() {
            throw new Blocked("needs the admin key");
          },
        }),
      ],
      reporter,
    );
    expect(lines(reporter)).toEqual([
      "FAIL a then the job completed → failed",
      "FAIL b a case → error: boom",
      "SKIP c then the stream replays → not checked yet: no client yet",
      "SKIP d a case → needs the admin key",
    ]);
    expect(reporter.failed).toBe(true);
  });

  it("blocks calls to a service without a URL and actors without keys on a real stack", async () => {
    const { ctx, reporter } = context("real");
    const call = makeCase({
      id: "x",
      async when(c) {
        await c.call("coordinator", "GET", "/v1/health", { as: "anonymous" });
      },
    });
    const admin = makeCase({
      id: "y",
      async given(c) {
        c.keyOf("admin");
      },
    });
    await runScenario(ctx, [call, admin], reporter);
    expect(lines(reporter)).toEqual([
      "SKIP x a case → needs the coordinator URL",
      "SKIP y a case → needs the admin key (--admin-key or .aitbc/dev-credentials.json)",
    ]);
  });

  it("reports a case that does not apply as an information line, neither passed nor skipped", async () => {
    const info: string[] = [];
    const reporter = new Reporter((line) => info.push(line));
    const ctx = new ScenarioContext({ mode: "real", documents: [], targets: {}, reporter });
    let ran = false;
    const restart = makeCase({
      id: "0",
      title: "after a restart",
      notApplicable: () => "no earlier run",
      async given() {
        ran = true;
      },
    });
    await runScenario(ctx, [restart], reporter);
    expect(ran).toBe(false);
    expect(reporter.results).toEqual([]);
    expect(info).toEqual(["— 0 after a restart: does not apply (no earlier run)"]);
  });
});
