// The seed's phases 1–4 in order. Each case reads what earlier ones left in the context.
import type { ScenarioCase } from "../scenario-case.js";
import { accountsCreated } from "./p1-accounts-created.js";
import { minerOnline } from "./p1-miner-online.js";
import { serviceRegistered } from "./p1-service-registered.js";
import { providerReputation } from "./p2-provider-reputation.js";
import { serviceDetails } from "./p2-service-details.js";
import { servicesBrowsed } from "./p2-services-browsed.js";
import { creditsPurchased } from "./p3-credits-purchased.js";
import { customerFunded } from "./p3-customer-funded.js";
import { jobCreated } from "./p3-job-created.js";
import { jobMonitored } from "./p3-job-monitored.js";
import { jobStream } from "./p3-job-stream.js";
import { resultsReceived } from "./p3-results-received.js";
import { tenantIsolation } from "./p3-tenant-isolation.js";
import { badInputsRefused } from "./p4-bad-inputs-refused.js";
import { paymentSettled } from "./p4-payment-settled.js";
import { providerPaid } from "./p4-provider-paid.js";
import { serviceRated } from "./p4-service-rated.js";

export const SEED_SCENARIO: readonly ScenarioCase[] = [
  accountsCreated,
  serviceRegistered,
  minerOnline,
  servicesBrowsed,
  serviceDetails,
  providerReputation,
  creditsPurchased,
  customerFunded,
  jobCreated,
  jobMonitored,
  jobStream,
  resultsReceived,
  tenantIsolation,
  paymentSettled,
  providerPaid,
  serviceRated,
  badInputsRefused,
];
