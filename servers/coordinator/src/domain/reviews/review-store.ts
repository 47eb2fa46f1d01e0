// Reviews as the use cases see them, and what they need from storage (data/reviews-repo.ts,
// data/reputation-queries.ts).
export interface ReviewRecord {
  reviewId: string;
  jobId: string;
  serviceId: string;
  providerId: string;
  customerId: string;
  rating: number;
  review: string | null;
  createdAt: string;
}

export interface ReviewStore {
  insert(r: ReviewRecord): Promise<void>;
  reviewedJobIds(jobIds: readonly string[]): Promise<Set<string>>;
  forService(
    serviceId: string,
    limit: number,
    before?: { createdAt: string; reviewId: string },
  ): Promise<ReviewRecord[]>;
  /** Sum and count of ratings, per service or per provider. */
  ratings(
    by: { serviceIds: readonly string[] } | { providerId: string },
  ): Promise<Map<string, { sum: number; count: number }>>;
}

export interface ProviderFacts {
  completed: number;
  failed: number;
  medianDurationMs: number | null;
}

/** What a provider's reputation is computed from, besides its ratings. */
export interface ReputationQueries {
  /** Counts and the median duration of a provider's finished jobs. */
  providerFacts(providerId: string): Promise<ProviderFacts>;
}
