// Runs the scenario cases in order. Each case's given and when run in every mode; its then runs
// against a real implementation, and against a mock only when it needs no real state (otherwise
// it is reported as SKIP). A case that cannot start because an earlier one failed is a SKIP that
// says what it needed; a failing step is a FAIL and ends that case.
import type { Reporter } from "../report/reporter.js";
import { Blocked, StepFailed, type ScenarioCase } from "./scenario-case.js";
import type { ScenarioContext } from "./scenario-context.js";

export async function runScenario(
  ctx: ScenarioContext,
  cases: readonly ScenarioCase[],
  reporter: Reporter,
): Promise<void> {
  for (const c of cases) {
    ctx.beginCase(c.id);
    const why = c.notApplicable?.(ctx);
    if (why !== undefined) {
      reporter.info(`— ${c.id} ${c.title}: does not apply (${why})`);
      continue;
    }
    reporter.info(`— ${c.id} ${c.title}`);
    try {
      await c.given(ctx);
      await c.when(ctx);
      if (c.needsRealState && ctx.isMock) {
        reporter.skip("scenario", c.id, "then", `needs a real implementation: ${c.thenChecks}`);
      } else {
        await c.then(ctx);
      }
    } catch (err) {
      if (err instanceof Blocked) reporter.skip("scenario", c.id, c.title, err.message);
      else if (!(err instanceof StepFailed))
        reporter.fail("scenario", c.id, c.title, `error: ${(err as Error).message ?? String(err)}`);
    }
  }
}
