// What a claimed GPU should reach. Generating a token reads every weight of the model once, so a
// GPU's decode speed is bounded by its memory bandwidth divided by the model's size; real
// executors reach around half of that. Far below it, the job did not run on that GPU.
import { gpuNameMatches } from "./gpu-names.js";

/** Memory bandwidth in GB/s of the GPU classes providers list most, from the vendors' sheets. */
export const GPU_BANDWIDTH_GBPS: ReadonlyArray<{ gpuClass: string; gbps: number }> = [
  { gpuClass: "H200", gbps: 4800 },
  { gpuClass: "H100", gbps: 3350 },
  { gpuClass: "A100", gbps: 1555 },
  { gpuClass: "L40S", gbps: 864 },
  { gpuClass: "L40", gbps: 864 },
  { gpuClass: "A10", gbps: 600 },
  { gpuClass: "L4", gbps: 300 },
  { gpuClass: "T4", gbps: 320 },
  { gpuClass: "V100", gbps: 900 },
  { gpuClass: "RTX A6000", gbps: 768 },
  { gpuClass: "RTX 4090", gbps: 1008 },
  { gpuClass: "RTX 4080", gbps: 717 },
  { gpuClass: "RTX 4070", gbps: 504 },
  { gpuClass: "RTX 3090", gbps: 936 },
  { gpuClass: "RTX 3080", gbps: 760 },
  { gpuClass: "RTX 3060", gbps: 360 },
];

/** The share of the bandwidth bound that executors reach. */
const EFFICIENCY = 0.5;
/**
 * Small models are limited by per-token overheads (sampling, kernel launches, streaming), not by
 * bandwidth, so no claim is held to more than this.
 */
const CEILING_TOKENS_PER_S = 100;
/** A run under this share of the expected speed is a shortfall: slack for load and prompt time. */
export const SHORTFALL_SHARE = 0.25;
/** Fewer output tokens than this say more about start-up than about speed. */
export const MIN_CHECKED_TOKENS = 64;

export function gpuClassOf(gpuType: string): { gpuClass: string; gbps: number } | undefined {
  // The longest class name first, so an "L40S" is not taken for an "L40".
  return [...GPU_BANDWIDTH_GBPS]
    .sort((a, b) => b.gpuClass.length - a.gpuClass.length)
    .find((c) => gpuNameMatches(c.gpuClass, gpuType));
}

export function expectedTokensPerS(gbps: number, modelBytes: number): number {
  return Math.min(CEILING_TOKENS_PER_S, (gbps * 1e9 * EFFICIENCY) / modelBytes);
}

export interface ThroughputCheck {
  gpuClass: string;
  tokensPerS: number;
  expectedTokensPerS: number;
  shortfall: boolean;
}

/**
 * Checks one completed job's speed against the claimed GPU; undefined when it cannot be checked
 * (no GPU claimed, a GPU not in the table, an unknown model size, or too few tokens).
 */
export function checkThroughput(
  gpuType: string,
  run: { tokensOut: number; durationMs: number; modelBytes: number | undefined },
): ThroughputCheck | undefined {
  const cls = gpuClassOf(gpuType);
  if (!cls || !run.modelBytes || run.tokensOut < MIN_CHECKED_TOKENS || run.durationMs <= 0)
    return undefined;
  const tokensPerS = round2((run.tokensOut * 1000) / run.durationMs);
  const expected = round2(expectedTokensPerS(cls.gbps, run.modelBytes));
  return {
    gpuClass: cls.gpuClass,
    tokensPerS,
    expectedTokensPerS: expected,
    shortfall: tokensPerS < expected * SHORTFALL_SHARE,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
