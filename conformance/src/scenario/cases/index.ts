// The provider–customer scenario's phases 1–4 in order, between the check of what a previous run left (after a restart)
// and the record for the next one. Each case reads what earlier ones left in the context. The
// training job request (3.2a) runs before the inference job so that the balance arithmetic of
// each stays exact.
import type { ScenarioCase } from "../scenario-case.js";
import { previousRunKept } from "./p0-previous-run-kept.js";
import { accountsCreated } from "./p1-accounts-created.js";
import { bondPosted } from "./p1-bond-posted.js";
import { minerOnline } from "./p1-miner-online.js";
import { serviceRegistered } from "./p1-service-registered.js";
import { providerReputation } from "./p2-provider-reputation.js";
import { serviceDetails } from "./p2-service-details.js";
import { servicesBrowsed } from "./p2-services-browsed.js";
import { serviceBond } from "./p2-service-bond.js";
import { creditsPurchased } from "./p3-credits-purchased.js";
import { customerFunded } from "./p3-customer-funded.js";
import { jobCreated } from "./p3-job-created.js";
import { jobMonitored } from "./p3-job-monitored.js";
import { jobStream } from "./p3-job-stream.js";
import { resultsReceived } from "./p3-results-received.js";
import { referenceJobsRequested } from "./p3-reference-job-requests.js";
import { tenantIsolation } from "./p3-tenant-isolation.js";
import { badJobsRefused } from "./p4-bad-jobs-refused.js";
import { badReviewsRefused } from "./p4-bad-reviews-refused.js";
import { paymentSettled } from "./p4-payment-settled.js";
import { providerPaid } from "./p4-provider-paid.js";
import { serviceRated } from "./p4-service-rated.js";
import { settlementPropagated } from "./p4-settlement-propagated.js";
import { runRecorded } from "./p9-run-recorded.js";

export const REFERENCE_SCENARIO: readonly ScenarioCase[] = [
  previousRunKept,
  accountsCreated,
  bondPosted,
  serviceRegistered,
  minerOnline,
  servicesBrowsed,
  serviceBond,
  serviceDetails,
  providerReputation,
  creditsPurchased,
  customerFunded,
  referenceJobsRequested,
  jobCreated,
  jobMonitored,
  jobStream,
  resultsReceived,
  tenantIsolation,
  paymentSettled,
  settlementPropagated,
  providerPaid,
  serviceRated,
  badJobsRefused,
  badReviewsRefused,
  runRecorded,
];
