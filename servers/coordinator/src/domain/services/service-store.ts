// Services as the use cases see them, and what they need from storage (data/services-repo.ts).
import type { Tx } from "../store/transactions.js";

export interface ServiceSpecs {
  gpu_type: string;
  memory: string;
  cuda_cores?: number;
  supported_frameworks?: string[];
  models?: string[];
}

export type UnitType = "gpu_seconds" | "tokens";

export interface ServiceRecord {
  serviceId: string;
  providerId: string;
  tenantId: string;
  name: string;
  type: string;
  description: string | null;
  specs: ServiceSpecs;
  /** Micro-AITBC per hour (`gpu_seconds`) or per 1,000 output tokens (`tokens`). */
  rateMicro: bigint;
  unitType: UnitType;
  /** Micro-AITBC per 1,000 input tokens; null when input is free or the price is per hour. */
  inputPriceMicro: bigint | null;
  currency: "AITBC";
  availStart: string | null;
  availEnd: string | null;
  timezone: string | null;
  status: "active" | "inactive";
  createdAt: string;
  updatedAt: string;
}

export interface ServiceQuery {
  status?: "active" | "inactive";
  type?: string;
  providerId?: string;
  /** Rates per hour: services priced per token are left out when either is given. */
  minRateMicro?: bigint;
  maxRateMicro?: bigint;
  unitType?: UnitType;
  /** Token-priced services whose output price per 1,000 tokens is at most this. */
  maxTokenPriceMicro?: bigint;
  /** Only services whose window contains this instant (or that have no window). */
  availableAt?: string;
  afterServiceId?: string;
  /** Only services of providers with a miner seen since `onlineSince` that serves `model`. */
  servedBy?: { model: string; onlineSince: string };
}

export interface ServiceStore {
  insert(s: ServiceRecord): Promise<void>;
  update(s: ServiceRecord): Promise<void>;
  byId(serviceId: string, tx?: Tx): Promise<ServiceRecord | undefined>;
  /** Services in `service_id` order, filtered by what storage can filter; `limit` at most. */
  find(q: ServiceQuery, limit: number): Promise<ServiceRecord[]>;
  serviceIdsOfProvider(providerId: string): Promise<string[]>;
  counts(tenantId?: string): Promise<{ active: number; total: number }>;
}
