// One line per check: PASS, FAIL or SKIP, the level, the service, what was checked and why. The
// run fails when any line is a FAIL; SKIP never counts as a pass (it says what was not checked).

export type Outcome = "PASS" | "FAIL" | "SKIP";

export interface CheckResult {
  outcome: Outcome;
  level: "contract" | "scenario" | "setup";
  /** The service or scenario phase the check belongs to. */
  scope: string;
  /** What was checked: an operation label and variant, or a scenario step. */
  subject: string;
  detail: string;
}

export interface Summary {
  pass: number;
  fail: number;
  skip: number;
}

export class Reporter {
  readonly results: CheckResult[] = [];

  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  record(result: CheckResult): void {
    this.results.push(result);
    this.write(formatResult(result));
  }

  pass(level: CheckResult["level"], scope: string, subject: string, detail: string): void {
    this.record({ outcome: "PASS", level, scope, subject, detail });
  }

  fail(level: CheckResult["level"], scope: string, subject: string, detail: string): void {
    this.record({ outcome: "FAIL", level, scope, subject, detail });
  }

  skip(level: CheckResult["level"], scope: string, subject: string, detail: string): void {
    this.record({ outcome: "SKIP", level, scope, subject, detail });
  }

  info(line: string): void {
    this.write(line);
  }

  summary(): Summary {
    const count = (o: Outcome) => this.results.filter((r) => r.outcome === o).length;
    return { pass: count("PASS"), fail: count("FAIL"), skip: count("SKIP") };
  }

  get failed(): boolean {
    return this.results.some((r) => r.outcome === "FAIL");
  }

  printSummary(): void {
    const { pass, fail, skip } = this.summary();
    this.write(`\n${pass} passed, ${fail} failed, ${skip} skipped (${this.results.length} checks)`);
  }
}

export function formatResult(r: CheckResult): string {
  return `${r.outcome}  ${r.level.padEnd(8)}  ${r.scope.padEnd(11)}  ${r.subject}  → ${r.detail}`;
}
