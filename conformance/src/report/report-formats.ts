// Machine-readable forms of a finished run, for another implementation's CI: one JSON document,
// or JUnit XML (one testsuite per level and scope, one testcase per check) that CI systems render.
import type { CheckResult, Summary } from "./reporter.js";

export type ReportFormat = "text" | "json" | "junit";
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "junit"];

export interface RunFacts {
  level: string;
  /** The service URLs the run checked, by service name. */
  targets: Record<string, string>;
  startedAt: string;
  durationMs: number;
}

export function toJsonReport(
  results: readonly CheckResult[],
  summary: Summary,
  facts: RunFacts,
): string {
  return JSON.stringify(
    {
      tool: "aitbc-conformance",
      level: facts.level,
      targets: facts.targets,
      started_at: facts.startedAt,
      duration_ms: facts.durationMs,
      passed: summary.fail === 0,
      summary,
      checks: results.map((r) => ({
        outcome: r.outcome.toLowerCase(),
        level: r.level,
        scope: r.scope,
        subject: r.subject,
        detail: r.detail,
      })),
    },
    null,
    2,
  );
}

export function toJunitXml(
  results: readonly CheckResult[],
  summary: Summary,
  facts: RunFacts,
): string {
  const suites = new Map<string, CheckResult[]>();
  for (const r of results) {
    const name = `${r.level}.${r.scope}`;
    suites.set(name, [...(suites.get(name) ?? []), r]);
  }
  const seconds = (facts.durationMs / 1000).toFixed(3);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="aitbc-conformance ${xml(facts.level)}" tests="${results.length}" failures="${summary.fail}" skipped="${summary.skip}" errors="0" time="${seconds}" timestamp="${xml(facts.startedAt)}">`,
  ];
  for (const [name, checks] of suites) {
    const count = (o: CheckResult["outcome"]) => checks.filter((c) => c.outcome === o).length;
    lines.push(
      `  <testsuite name="${xml(name)}" tests="${checks.length}" failures="${count("FAIL")}" skipped="${count("SKIP")}" errors="0">`,
    );
    for (const c of checks) {
      const open = `    <testcase classname="${xml(name)}" name="${xml(c.subject)}"`;
      if (c.outcome === "PASS") lines.push(`${open}/>`);
      else {
        const tag = c.outcome === "FAIL" ? "failure" : "skipped";
        lines.push(`${open}>`, `      <${tag} message="${xml(c.detail)}"/>`, `    </testcase>`);
      }
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`);
  return lines.join("\n");
}

// Attribute values only: the five XML specials, plus control characters XML 1.0 forbids.
function xml(text: string): string {
  return [...text]
    .filter((ch) => !isForbiddenControl(ch.charCodeAt(0)))
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;");
}

function isForbiddenControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}
