// The SDK's txHash with node:crypto's sha256 and the specialised canonical encoder (same bytes in,
// same hash out; tested against the SDK).
import { createHash } from "node:crypto";
import type { SignedTx } from "@aitbc/sdk";
import { signedTxBytesFast } from "./tx-canonical.js";

export function txHashFast(tx: SignedTx): string {
  return "0x" + createHash("sha256").update(signedTxBytesFast(tx)).digest("hex");
}
