import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === "string" ? utf8(data) : data));
}

/** A content digest in the `sha256:<hex>` form used by receipts (input, output, model, receipt). */
export function contentDigest(data: Uint8Array | string): string {
  return "sha256:" + sha256Hex(data);
}

export { bytesToHex };
