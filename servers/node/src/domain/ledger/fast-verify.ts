// ed25519 verification on the hot path with node:crypto (native code, where the SDK uses pure-JS
// noble so that it also runs in a browser). It must agree with the SDK's verifyTxSignature byte for byte (test/fast-verify.test.ts):
// the same signing bytes, the same address rule, and the same strict base64url: Buffer's decoder
// is lenient, so the alphabet and the unused trailing bits are checked before decoding, which
// refuses the aliases the SDK refuses.
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { blockHeaderBytes, type SignedBlock, type SignedTx } from "@aitbc/sdk";
import { txSigningBytesFast } from "./tx-canonical.js";

// DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410); the raw 32 bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const KEY_CACHE_LIMIT = 10_000;

interface CachedKey {
  key: KeyObject;
  address: string;
}

const keyCache = new Map<string, CachedKey | null>();

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Decodes base64url of exactly `bytes` bytes, refusing padding, other characters and set unused bits. */
function strictBase64Url(text: string, bytes: number): Buffer | undefined {
  if (typeof text !== "string" || text.length !== Math.ceil((bytes * 4) / 3)) return undefined;
  if (!BASE64URL.test(text)) return undefined;
  const unusedBits = (text.length * 6) % 8;
  if (unusedBits && ALPHABET.indexOf(text[text.length - 1]!) & ((1 << unusedBits) - 1))
    return undefined;
  return Buffer.from(text, "base64url");
}

/** The KeyObject and address of a base64url public key, cached; undefined when malformed. */
export function publicKeyEntry(publicKeyB64: string): CachedKey | undefined {
  const hit = keyCache.get(publicKeyB64);
  if (hit !== undefined) return hit ?? undefined;
  const raw = strictBase64Url(publicKeyB64, 32);
  let entry: CachedKey | null = null;
  if (raw) {
    try {
      const key = createPublicKey({
        key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
        format: "der",
        type: "spki",
      });
      const address = "aitbc" + createHash("sha256").update(raw).digest("hex").slice(0, 40);
      entry = { key, address };
    } catch {
      entry = null;
    }
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(publicKeyB64, entry);
  return entry ?? undefined;
}

export function verifyEd25519(
  message: Uint8Array,
  signatureB64: string,
  publicKeyB64: string,
): boolean {
  const entry = publicKeyEntry(publicKeyB64);
  const sig = strictBase64Url(signatureB64, 64);
  if (!entry || !sig) return false;
  try {
    return verify(null, message, entry.key, sig);
  } catch {
    return false;
  }
}

/** Same contract as the SDK's verifyTxSignature: `from` matches `public_key` and the signature is valid. */
export function verifyTxSignatureFast(tx: SignedTx): boolean {
  const entry = publicKeyEntry(tx.public_key);
  if (!entry || entry.address !== tx.from) return false;
  const sig = strictBase64Url(tx.signature, 64);
  if (!sig) return false;
  try {
    return verify(null, txSigningBytesFast(tx), entry.key, sig);
  } catch {
    return false;
  }
}

/** The proposer's signature over the header bytes (the hash is checked separately). */
export function verifyBlockSignatureFast(block: SignedBlock): boolean {
  try {
    return verifyEd25519(blockHeaderBytes(block.header), block.signature, block.header.proposer);
  } catch {
    return false;
  }
}
