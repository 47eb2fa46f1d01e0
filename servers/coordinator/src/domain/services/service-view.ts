// The wire view of services, with what only the rest of the system knows: the models online miners
// serve now, how many miners are online, and the ratings.
import { fromMicro, type CoordinatorTypes } from "@aitbc/sdk";
import type { ServiceRecord } from "./service-store.js";
import type { MinerRecord, MinerStore } from "../miners/miner-store.js";
import type { ReviewStore } from "../reviews/review-store.js";
import type { MinerPresence } from "../miners/presence.js";
import { isAvailableAt } from "./availability.js";
import { renderPriceFields } from "./pricing.js";
import type { VerificationCounts } from "../verification/verification-store.js";

/** Passed and failed checks of providers' jobs (data/verification-repo.ts). */
export interface VerificationCountReader {
  counts(providerIds: readonly string[]): Promise<Map<string, VerificationCounts>>;
}

const NO_CHECKS: VerificationCounts = { checked: 0, passed: 0, failed: 0 };
import { checkHardwareClaim } from "../hardware/hardware-claim.js";
import type { ThroughputRecord, ThroughputStore } from "../hardware/throughput-store.js";
import type { BondBook, ProviderBond } from "../bonds/bond-book.js";

export type ServiceView = CoordinatorTypes.Service;

export interface ProviderFleet {
  /** Online miners per provider. */
  online: Map<string, MinerRecord[]>;
}

export async function loadFleet(
  miners: MinerStore,
  presence: MinerPresence,
  providerIds: readonly string[],
  now: Date,
): Promise<ProviderFleet> {
  const online = new Map<string, MinerRecord[]>();
  for (const m of await miners.ofProviders(providerIds, presence.onlineSince(now))) {
    const list = online.get(m.providerId) ?? [];
    list.push(m);
    online.set(m.providerId, list);
  }
  return { online };
}

export function servableModels(fleet: ProviderFleet, providerId: string): string[] {
  const names = new Set<string>();
  for (const m of fleet.online.get(providerId) ?? [])
    for (const model of m.capabilities.models) names.add(model.name);
  return [...names].sort();
}

export function servesTaskType(
  fleet: ProviderFleet,
  providerId: string,
  taskType: string,
): boolean {
  return (fleet.online.get(providerId) ?? []).some((m) =>
    m.capabilities.task_types.includes(taskType),
  );
}

export class ServiceViews {
  constructor(
    private readonly miners: MinerStore,
    private readonly reviews: ReviewStore,
    private readonly presence: MinerPresence,
    private readonly bonds: BondBook,
    private readonly checks: VerificationCountReader,
    private readonly throughput: ThroughputStore,
  ) {}

  async render(services: readonly ServiceRecord[], now = new Date()): Promise<ServiceView[]> {
    const fleet = await loadFleet(
      this.miners,
      this.presence,
      services.map((s) => s.providerId),
      now,
    );
    const ratings = await this.reviews.ratings({ serviceIds: services.map((s) => s.serviceId) });
    const checks = await this.checks.counts(services.map((s) => s.providerId));
    const throughput = await this.throughput.latest(services.map((s) => s.serviceId));
    const bonds = await this.bonds.ofProviders(services.map((s) => s.providerId));
    return services.map((s) =>
      renderService(
        s,
        fleet,
        ratings.get(s.serviceId),
        now,
        {
          bond: bonds.get(s.providerId) ?? this.bonds.describe(0n),
          requiredMicro: this.bonds.minimumMicro,
        },
        checks.get(s.providerId),
        throughput.get(s.serviceId),
      ),
    );
  }
}

export function renderService(
  s: ServiceRecord,
  fleet: ProviderFleet,
  rating: { sum: number; count: number } | undefined,
  now: Date,
  bonding: { bond: ProviderBond; requiredMicro: bigint },
  checks: VerificationCounts = NO_CHECKS,
  throughput?: ThroughputRecord,
): ServiceView {
  return {
    service_id: s.serviceId,
    provider_id: s.providerId,
    name: s.name,
    type: s.type,
    ...(s.description !== null ? { description: s.description } : {}),
    specs: s.specs,
    pricing: { currency: s.currency, ...renderPriceFields(s) },
    availability:
      s.availStart && s.availEnd
        ? {
            start_time: s.availStart,
            end_time: s.availEnd,
            ...(s.timezone ? { timezone: s.timezone } : {}),
          }
        : null,
    status: s.status,
    available_now: isAvailableAt(s, now),
    models: servableModels(fleet, s.providerId),
    online_miners: fleet.online.get(s.providerId)?.length ?? 0,
    rating_average: rating && rating.count ? round2(rating.sum / rating.count) : null,
    rating_count: rating?.count ?? 0,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    verification: { ...checks },
    hardware: {
      ...checkHardwareClaim(s.specs, fleet.online.get(s.providerId) ?? []),
      throughput_shortfall: throughput?.shortfall
        ? {
            job_id: throughput.jobId,
            miner_id: throughput.minerId,
            gpu_class: throughput.gpuClass,
            tokens_per_s: throughput.tokensPerS,
            expected_tokens_per_s: throughput.expectedTokensPerS,
            checked_at: throughput.checkedAt,
          }
        : null,
    },
    bond: {
      amount: fromMicro(bonding.bond.amountMicro),
      amount_micro: bonding.bond.amountMicro.toString(),
      required: fromMicro(bonding.requiredMicro),
      meets_minimum: bonding.bond.meetsMinimum,
    },
  };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
