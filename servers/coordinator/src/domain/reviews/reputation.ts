// A provider's reputation: ratings from reviews plus measured facts from its jobs.
import { NotFound } from "@aitbc/server-lib";
import type { CoordinatorTypes } from "@aitbc/sdk";
import type { AccountStore } from "../accounts/account-store.js";
import type { ReputationQueries, ReviewStore } from "./review-store.js";
import type { ServiceStore } from "../services/service-store.js";
import { round2, type VerificationCountReader } from "../services/service-view.js";

export async function providerReputation(
  deps: {
    accounts: AccountStore;
    reputation: ReputationQueries;
    reviews: ReviewStore;
    services: ServiceStore;
    verification: VerificationCountReader;
  },
  providerId: string,
): Promise<CoordinatorTypes.ProviderReputation> {
  const account = await deps.accounts.byId(providerId);
  if (!account || account.role !== "provider")
    throw new NotFound(`No provider with id ${providerId}.`);
  const ratings = (await deps.reviews.ratings({ providerId })).get(providerId);
  const facts = await deps.reputation.providerFacts(providerId);
  const finished = facts.completed + facts.failed;
  return {
    provider_id: providerId,
    name: account.name,
    rating_average: ratings && ratings.count ? round2(ratings.sum / ratings.count) : null,
    rating_count: ratings?.count ?? 0,
    jobs_completed: facts.completed,
    jobs_failed: facts.failed,
    completion_rate: finished ? Math.round((facts.completed / finished) * 10000) / 10000 : null,
    median_duration_s:
      facts.medianDurationMs === null ? null : Math.round(facts.medianDurationMs) / 1000,
    services: await deps.services.serviceIdsOfProvider(providerId),
    checks: (await deps.verification.counts([providerId])).get(providerId) ?? {
      checked: 0,
      passed: 0,
      failed: 0,
    },
  };
}
