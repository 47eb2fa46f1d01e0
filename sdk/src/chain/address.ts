import { sha256Hex } from "../crypto/hash.js";
import { fromBase64Url } from "../crypto/base64url.js";

export const ADDRESS_PATTERN = /^aitbc[0-9a-f]{40}$/;

/** `aitbc` + hex of the first 20 bytes of sha256(public key). */
export function addressFromPublicKey(publicKey: Uint8Array | string): string {
  const bytes = typeof publicKey === "string" ? fromBase64Url(publicKey) : publicKey;
  if (bytes.length !== 32) throw new TypeError("publicKey: expected 32 bytes");
  return "aitbc" + sha256Hex(bytes).slice(0, 40);
}

export function isAddress(value: unknown): value is string {
  return typeof value === "string" && ADDRESS_PATTERN.test(value);
}
