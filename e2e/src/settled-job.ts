// A job run to the end through the SDK (not the page), for tests of the pages that show its
// traces: the explorer's settlement, the dashboard's earnings.
import type { AitbcClient, CoordinatorTypes } from "@aitbc/sdk";
import { until } from "./page-helpers.js";

export async function runSettledJob(
  customer: AitbcClient,
  serviceId: string,
): Promise<CoordinatorTypes.JobResults> {
  const job = await customer.coordinator.createJob({
    body: {
      service_id: serviceId,
      requirements: {
        task_type: "inference",
        model: "aitbc-tiny:latest",
        prompt: "Hello AITBC",
        max_tokens: 16,
        temperature: 0,
      },
      budget: { max_cost: 2, currency: "AITBC" },
    },
  });
  return until(
    () => customer.coordinator.getJobResults({ path: { job_id: job.job_id } }),
    (r) => r.payment.status !== "locked",
    `job ${job.job_id} to settle`,
    60_000,
  );
}
