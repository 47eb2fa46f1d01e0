// The exchange's fixed rate, 1 BTC = 100,000 AITBC, as exact integer arithmetic: 1 satoshi = 1,000 micro-AITBC.
import { MICRO_PER_AITBC } from "@aitbc/sdk";

export const AITBC_PER_BTC = 100_000n;
export const SATS_PER_BTC = 100_000_000n;
export const MICRO_PER_SAT = (AITBC_PER_BTC * MICRO_PER_AITBC) / SATS_PER_BTC;
export const SATS_PER_AITBC = SATS_PER_BTC / AITBC_PER_BTC;

export const MIN_ORDER_MICRO = 1n * MICRO_PER_AITBC;
export const MAX_ORDER_MICRO = 1_000_000n * MICRO_PER_AITBC;

/** Satoshis to pay for an AITBC amount, rounded up to a whole satoshi. */
export function satsForMicro(micro: bigint): bigint {
  return (micro + MICRO_PER_SAT - 1n) / MICRO_PER_SAT;
}

export function microForSats(sats: bigint): bigint {
  return sats * MICRO_PER_SAT;
}
