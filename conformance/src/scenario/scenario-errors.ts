// How a scenario step stops a case: blocked by an earlier case, or failed (already reported).
/** A case cannot run because an earlier one did not produce what it needs. */
export class Blocked extends Error {}

/** A step failed; the failure has already been reported. */
export class StepFailed extends Error {}
