// One fresh Bitcoin testnet address per order (P2WPKH). Each order's key is derived from the
// exchange's deposit seed and the order id, so the operator can re-derive any deposit key from the
// seed to sweep the funds; the exchange itself never needs to spend.
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { hmac } from "@noble/hashes/hmac.js";
import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8 } from "@aitbc/sdk";
import { segwitV0Address } from "./bech32.js";

export function depositSecretKey(seed: Uint8Array, orderId: string): Uint8Array {
  for (let counter = 0; ; counter++) {
    const candidate = hmac(sha256, seed, utf8(`aitbc-exchange-deposit:${orderId}:${counter}`));
    if (secp256k1.utils.isValidSecretKey(candidate)) return candidate;
  }
}

export function p2wpkhAddress(secretKey: Uint8Array, hrp: "bc" | "tb" | "bcrt" = "tb"): string {
  const publicKey = secp256k1.getPublicKey(secretKey, true);
  return segwitV0Address(hrp, ripemd160(sha256(publicKey)));
}

export function depositAddress(seed: Uint8Array, orderId: string): string {
  return p2wpkhAddress(depositSecretKey(seed, orderId));
}
