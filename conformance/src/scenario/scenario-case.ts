// The shape of one scenario case: a readable Given/When/Then step of the provider–customer
// scenario's phases 1–4. `given` and `when` talk to the services through the SDK (every response
// is checked against the spec); `then` asserts what a user would notice. Against a mock, a case that `needsRealState`
// runs its given/when (so the walk and the spec checks still happen) and reports its `then` as
// SKIP, never as PASS.
import type { ScenarioContext } from "./scenario-context.js";

export interface ScenarioCase {
  /** The step's number in the scenario, for example "3.2". */
  id: string;
  title: string;
  /** True when `then` needs a real implementation (balances, isolation, receipts, persistence). */
  needsRealState: boolean;
  /** What `then` checks, in one line (shown when it is skipped). */
  thenChecks: string;
  /**
   * Why the case does not apply to this run, if it does not (the check after a restart on the
   * first run); such a case is reported as an information line, neither passed nor skipped.
   */
  notApplicable?(ctx: ScenarioContext): string | undefined;
  given(ctx: ScenarioContext): Promise<void>;
  when(ctx: ScenarioContext): Promise<void>;
  then(ctx: ScenarioContext): Promise<void>;
}

export { Blocked, StepFailed } from "./scenario-errors.js";
