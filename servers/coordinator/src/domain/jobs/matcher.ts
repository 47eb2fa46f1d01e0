// Picks the service that runs a job, or explains why none can: every filter records the services
// it excluded, and the 422 no_matching_service answer carries those reasons. Among the services
// that can run it: ready ones (a miner advertises the task type) first, then verified hardware,
// then the lowest price, then the best rating.
import { NotFound, Unprocessable } from "@aitbc/server-lib";
import type { ServiceRecord, ServiceStore } from "../services/service-store.js";
import type { MinerStore } from "../miners/miner-store.js";
import type { ReviewStore } from "../reviews/review-store.js";
import { isInference, type Requirements } from "./job-types.js";
import type { MinerPresence } from "../miners/presence.js";
import { isAvailableAt } from "../services/availability.js";
import { loadFleet, servableModels, servesTaskType } from "../services/service-view.js";
import { describeWorstCase, worstCaseTokenCost } from "./token-metering.js";
import { fromMicro } from "@aitbc/sdk";
import { checkHardwareClaim } from "../hardware/hardware-claim.js";
import { formatAitbc } from "@aitbc/sdk";
import type { BondBook } from "../bonds/bond-book.js";
import { parseAmount } from "../amounts.js";

export interface MatchReason {
  filter: string;
  message: string;
  excluded: string[];
}

export interface Match {
  service: ServiceRecord;
  notes: string[];
}

const MAX_CANDIDATES = 1000;

export class Matcher {
  constructor(
    private readonly services: ServiceStore,
    private readonly miners: MinerStore,
    private readonly reviews: ReviewStore,
    private readonly presence: MinerPresence,
    private readonly bonds: BondBook,
  ) {}

  /** `budgetMicro`: a token-priced service must fit the job's worst case into it. */
  async match(
    requirements: Requirements,
    serviceId: string | undefined,
    budgetMicro?: bigint,
  ): Promise<Match> {
    const now = new Date();
    let candidates: ServiceRecord[];
    if (serviceId) {
      const s = await this.services.byId(serviceId);
      if (!s) throw new NotFound(`No service with id ${serviceId}.`);
      candidates = [s];
    } else {
      candidates = await this.services.find({ status: "active" }, MAX_CANDIDATES);
    }
    const fleet = await loadFleet(
      this.miners,
      this.presence,
      candidates.map((s) => s.providerId),
      now,
    );
    const minBondMicro =
      requirements.min_bond !== undefined
        ? parseAmount(requirements.min_bond, "body.requirements.min_bond")
        : undefined;
    const bonds =
      this.bonds.minimumMicro > 0n || minBondMicro !== undefined
        ? await this.bonds.ofProviders(candidates.map((s) => s.providerId))
        : undefined;
    const bondOf = (s: ServiceRecord) => bonds?.get(s.providerId) ?? this.bonds.describe(0n);
    const reasons = new Map<string, MatchReason>();
    const exclude = (filter: string, message: string, s: ServiceRecord) => {
      const r = reasons.get(filter) ?? { filter, message, excluded: [] };
      r.excluded.push(s.serviceId);
      reasons.set(filter, r);
    };
    const survivors: ServiceRecord[] = [];
    const verified = new Map(
      candidates.map((s) => [
        s.serviceId,
        checkHardwareClaim(s.specs, fleet.online.get(s.providerId) ?? []).verified,
      ]),
    );
    for (const s of candidates) {
      if (s.status !== "active") {
        exclude("status", "The service is inactive.", s);
      } else if (!isAvailableAt(s, now)) {
        exclude(
          "availability",
          `The availability window does not contain the current time (${now.toISOString()}).`,
          s,
        );
      } else if (
        s.unitType === "tokens" &&
        budgetMicro !== undefined &&
        worstCaseTokenCost(requirements, s) > budgetMicro
      ) {
        exclude(
          "budget",
          `The budget of ${fromMicro(budgetMicro)} AITBC does not cover the worst case of a ` +
            `token-priced service: ${describeWorstCase(requirements, s)}. Raise the budget or lower max_tokens.`,
          s,
        );
      } else if (!bondOf(s).meetsMinimum) {
        exclude(
          "bond",
          `The provider's active bond is below this marketplace's minimum of ${formatAitbc(this.bonds.minimumMicro)} AITBC to be matched (aitbc bond lock posts one).`,
          s,
        );
      } else if (minBondMicro !== undefined && bondOf(s).amountMicro < minBondMicro) {
        exclude(
          "min_bond",
          `The provider's active bond is below the job's min_bond of ${formatAitbc(minBondMicro)} AITBC.`,
          s,
        );
      } else if (isInference(requirements)) {
        const online = fleet.online.get(s.providerId) ?? [];
        if (online.length === 0) {
          exclude(
            "online_miner",
            `No miner of the provider is online, so nothing can run ${requirements.model}.`,
            s,
          );
        } else if (!servableModels(fleet, s.providerId).includes(requirements.model)) {
          exclude("model", `No online miner serves ${requirements.model}.`, s);
        } else survivors.push(s);
      } else if (
        requirements.framework &&
        !(s.specs.supported_frameworks ?? []).some(
          (f) => f.toLowerCase() === requirements.framework!.toLowerCase(),
        )
      ) {
        exclude("framework", `The service does not list ${requirements.framework}.`, s);
      } else survivors.push(s);
    }
    // verified_only applies after every other filter, so the 422 can say that services with
    // unverified hardware could have run the job.
    if (requirements.verified_only) {
      const unverified = survivors.filter((x) => !verified.get(x.serviceId));
      survivors.splice(0, survivors.length, ...survivors.filter((x) => verified.get(x.serviceId)));
      for (const s of unverified)
        exclude(
          "hardware",
          "Only services with unverified hardware could run this job, and verified_only excludes " +
            "them: no online miner of their providers has the claimed GPU and memory.",
          s,
        );
    }
    if (survivors.length === 0) {
      const list = [...reasons.values()];
      if (isInference(requirements)) {
        const served = new Set(candidates.flatMap((s) => servableModels(fleet, s.providerId)));
        const model = list.find((r) => r.filter === "model");
        if (model)
          model.message += ` Models served now: ${served.size ? [...served].sort().join(", ") : "none"}.`;
      }
      throw new Unprocessable(
        "no_matching_service",
        candidates.length === 0
          ? "No active service is registered."
          : serviceId
            ? `Service ${serviceId} cannot run this job now; see reasons.`
            : "No service can run this job now; see reasons.",
        { reasons: list },
      );
    }
    // Ratings only order survivors against each other.
    const ratings =
      survivors.length > 1
        ? await this.reviews.ratings({ serviceIds: survivors.map((s) => s.serviceId) })
        : new Map<string, { sum: number; count: number }>();
    const avg = (s: ServiceRecord) => {
      const r = ratings.get(s.serviceId);
      return r && r.count ? r.sum / r.count : 0;
    };
    const taskType = requirements.task_type;
    const ready = (s: ServiceRecord) => (servesTaskType(fleet, s.providerId, taskType) ? 0 : 1);
    // Verified hardware first: a listing whose claimed GPU no online miner has is the last pick,
    // whatever its price. Prices per hour and per token do not compare: each kind is ordered by
    // its own price, and services priced per hour come first, as they did before token prices.
    const hardwareRank = (s: ServiceRecord) => (verified.get(s.serviceId) ? 0 : 1);
    const kind = (s: ServiceRecord) => (s.unitType === "gpu_seconds" ? 0 : 1);
    survivors.sort(
      (a, b) =>
        ready(a) - ready(b) ||
        hardwareRank(a) - hardwareRank(b) ||
        kind(a) - kind(b) ||
        (a.rateMicro < b.rateMicro ? -1 : a.rateMicro > b.rateMicro ? 1 : 0) ||
        avg(b) - avg(a) ||
        (a.serviceId < b.serviceId ? -1 : 1),
    );
    const service = survivors[0]!;
    const notes: string[] = [];
    if (!isInference(requirements) && !servesTaskType(fleet, service.providerId, taskType)) {
      notes.push(
        `No online miner of ${service.providerId} advertises task type ${taskType} right now; ` +
          `the job waits in the queue for one until it expires.`,
      );
    }
    return { service, notes };
  }
}
