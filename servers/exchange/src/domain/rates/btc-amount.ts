// BTC amounts on the wire are JSON numbers with at most 8 decimals; in code they are satoshis
// (bigint). The SDK's Decimal does the exact conversion, as it does for AITBC.
import { AmountError, Decimal } from "@aitbc/sdk";

export const BTC_DECIMALS = 8;

/** Kept as a name of its own for callers that tell BTC from AITBC amounts; it is the SDK's AmountError. */
export const BtcAmountError = AmountError;
export type BtcAmountError = AmountError;

export function satsFromBtc(amount: number): bigint {
  return Decimal.fromNumber(amount, BTC_DECIMALS).atomics;
}

/** Satoshis as the BTC JSON number (exact: it goes through the decimal text). */
export function btcFromSats(sats: bigint): number {
  return Decimal.fromAtomics(sats, BTC_DECIMALS).toNumber();
}
