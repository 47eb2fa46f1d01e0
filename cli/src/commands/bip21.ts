// The payment request a Bitcoin wallet understands (BIP 21): `bitcoin:<address>?amount=<BTC>`.
// The amount comes from whole satoshis with integer arithmetic, so it is exact.

const SATS_PER_BTC = 100_000_000n;

/** Satoshis as a BTC decimal without trailing zeros: 150000 → "0.0015". */
export function satsToBtc(sats: number | bigint): string {
  const value = BigInt(sats);
  const whole = value / SATS_PER_BTC;
  const fraction = (value % SATS_PER_BTC).toString().padStart(8, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

export function bip21Uri(address: string, sats: number | bigint, label: string): string {
  return `bitcoin:${address}?amount=${satsToBtc(sats)}&label=${encodeURIComponent(label)}`;
}
