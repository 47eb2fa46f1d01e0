// The json and junit documents another implementation's CI reads: counts that add up, and text
// from the checks that cannot break the XML it is written into.
import { describe, expect, it } from "vitest";
import { toJsonReport, toJunitXml } from "../src/report/report-formats.js";
import type { CheckResult } from "../src/report/reporter.js";

const facts = {
  level: "contract",
  targets: { coordinator: "http://127.0.0.1:1" },
  startedAt: "2026-12-03T10:00:00.000Z",
  durationMs: 1234,
};
const results: CheckResult[] = [
  {
    outcome: "PASS",
    level: "contract",
    scope: "coordinator",
    subject: "GET /a (a)",
    detail: "200",
  },
  {
    outcome: "FAIL",
    level: "contract",
    scope: "coordinator",
    subject: 'POST /b (b) [body "x" < 3]',
    detail: "body <oops> & 'more'\nsecond line\u0001",
  },
  { outcome: "SKIP", level: "contract", scope: "wallet", subject: "wallet", detail: "no URL" },
];
const summary = { pass: 1, fail: 1, skip: 1 };

describe("report formats", () => {
  it("junit: one suite per level and scope, failures and skips counted, text escaped", () => {
    const xml = toJunitXml(results, summary, facts);
    expect(xml).toContain(
      '<testsuites name="aitbc-conformance contract" tests="3" failures="1" skipped="1" errors="0" time="1.234"',
    );
    expect(xml).toContain(
      '<testsuite name="contract.coordinator" tests="2" failures="1" skipped="0" errors="0">',
    );
    expect(xml).toContain('<testsuite name="contract.wallet" tests="1" failures="0" skipped="1"');
    expect(xml).toContain('name="POST /b (b) [body &quot;x&quot; &lt; 3]"');
    expect(xml).toContain(
      '<failure message="body &lt;oops&gt; &amp; &apos;more&apos;&#10;second line"/>',
    );
    expect(xml).not.toContain("\u0001");
    expect(xml).toContain('<skipped message="no URL"/>');
  });

  it("json: passed is false when any check failed, outcomes in lower case", () => {
    const report = JSON.parse(toJsonReport(results, summary, facts)) as {
      passed: boolean;
      checks: { outcome: string }[];
    };
    expect(report.passed).toBe(false);
    expect(report.checks.map((c) => c.outcome)).toEqual(["pass", "fail", "skip"]);
    const clean = JSON.parse(
      toJsonReport(results.slice(0, 1), { pass: 1, fail: 0, skip: 0 }, facts),
    );
    expect(clean.passed).toBe(true);
  });
});
