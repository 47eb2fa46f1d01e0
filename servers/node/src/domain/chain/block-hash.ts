// The SDK's blockHash with node:crypto's sha256.
import { createHash } from "node:crypto";
import { blockHeaderBytes, type BlockHeader } from "@aitbc/sdk";

export function blockHashFast(header: BlockHeader): string {
  return "0x" + createHash("sha256").update(blockHeaderBytes(header)).digest("hex");
}
