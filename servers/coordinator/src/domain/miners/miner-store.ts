// Miners as the use cases see them, and what they need from storage (data/miners-repo.ts).
import type { Tx } from "../store/transactions.js";

export interface MinerModel {
  name: string;
  digest: string;
  size_bytes?: number;
  label?: string;
}

export interface MinerCapabilities {
  executor: "ollama" | "llamacpp";
  gpu: { name: string; memory_mb: number; count: number } | null;
  cpu: { model: string; cores: number; memory_mb?: number };
  models: MinerModel[];
  task_types: string[];
  max_concurrency: number;
}

export interface MinerRecord {
  minerId: string;
  providerId: string;
  name: string;
  publicKey: string;
  capabilities: MinerCapabilities;
  lastHeartbeatAt: string;
  registeredAt: string;
}

export interface MinerListFilter {
  providerIds?: readonly string[];
  onlineSince?: string;
  status?: "online" | "offline";
  afterMinerId?: string;
}

export interface MinerStore {
  /** Registers the miner or replaces its name, key and capabilities, with the models it serves. */
  upsert(m: MinerRecord): Promise<void>;
  byId(minerId: string, tx?: Tx): Promise<MinerRecord | undefined>;
  touch(minerId: string, at: string, tx?: Tx): Promise<void>;
  /** Miners of these providers seen since `onlineSince` (all of them when it is undefined). */
  ofProviders(providerIds: readonly string[], onlineSince?: string): Promise<MinerRecord[]>;
  list(filter: MinerListFilter, limit: number): Promise<MinerRecord[]>;
  counts(
    onlineSince: string,
    providerIds?: readonly string[],
  ): Promise<{ total: number; online: number }>;
}
