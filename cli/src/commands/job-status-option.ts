// `--status S` of the job lists (jobs, admin-jobs): one of the states a job can be in.
import type { CoordinatorTypes } from "@aitbc/sdk";
import { stringOption } from "../args.js";
import { UsageError } from "../output/explain-error.js";
import type { OptionValues } from "./command.js";

export const JOB_STATES: readonly CoordinatorTypes.JobStatus[] = [
  "queued",
  "assigned",
  "running",
  "completed",
  "failed",
  "expired",
  "cancelled",
];

export function jobStatusOption(values: OptionValues): CoordinatorTypes.JobStatus | undefined {
  const status = stringOption(values, "status");
  if (status === undefined) return undefined;
  const known = JOB_STATES.find((s) => s === status);
  if (!known)
    throw new UsageError(`--status must be one of ${JOB_STATES.join(", ")}, got "${status}".`);
  return known;
}
