// RFC 8785 canonical JSON of a transaction, specialised for its fixed shape: the top-level keys
// are written in their sorted order and every value is a string or a safe integer, which JCS
// serializes exactly as JSON.stringify does. It produces the same bytes as the SDK's generic
// canonicalBytes (test/fast-verify.test.ts checks it) at a fraction of the cost, which matters on
// the verification hot path. Anything outside that shape goes to the generic encoder.
import { canonicalBytes, type SignedTx, type UnsignedTx } from "@aitbc/sdk";

// I-JSON (RFC 8785 §3.1): a string with a lone surrogate has no canonical form. The generic
// encoder throws on it, and so must we (by falling back to it).
const LONE_SURROGATE = /\p{Surrogate}/u;
const str = (v: string): string | undefined =>
  LONE_SURROGATE.test(v) ? undefined : JSON.stringify(v);

function payloadJson(payload: Record<string, unknown>): string | undefined {
  const keys = Object.keys(payload).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = payload[k];
    if (v === undefined) continue;
    if (typeof v !== "string") return undefined;
    const key = str(k);
    const value = str(v);
    if (key === undefined || value === undefined) return undefined;
    out += (first ? "" : ",") + key + ":" + value;
    first = false;
  }
  return out + "}";
}

function encode(tx: UnsignedTx, signature: string | undefined): Buffer | undefined {
  if (
    typeof tx.chain_id !== "string" ||
    typeof tx.from !== "string" ||
    !Number.isSafeInteger(tx.nonce) ||
    typeof tx.public_key !== "string" ||
    typeof tx.type !== "string" ||
    typeof tx.payload !== "object" ||
    tx.payload === null
  )
    return undefined;
  const payload = payloadJson(tx.payload as unknown as Record<string, unknown>);
  const parts = [tx.chain_id, tx.from, tx.public_key, tx.type, signature ?? ""].map(str);
  if (payload === undefined || parts.includes(undefined)) return undefined;
  const [chainId, from, publicKey, type, sig] = parts as string[];
  return Buffer.from(
    '{"chain_id":' +
      chainId +
      ',"from":' +
      from +
      ',"nonce":' +
      String(tx.nonce) +
      ',"payload":' +
      payload +
      ',"public_key":' +
      publicKey +
      (signature === undefined ? "" : ',"signature":' + sig) +
      ',"type":' +
      type +
      "}",
    "utf8",
  );
}

/** The SDK's txSigningBytes (JCS without `signature`). */
export function txSigningBytesFast(tx: UnsignedTx): Uint8Array {
  const { type, chain_id, from, nonce, payload, public_key } = tx;
  return (
    encode(tx, undefined) ?? canonicalBytes({ type, chain_id, from, nonce, payload, public_key })
  );
}

/** The JCS of the whole signed transaction (the tx hash input). */
export function signedTxBytesFast(tx: SignedTx): Uint8Array {
  if (typeof tx.signature === "string") {
    const fast = encode(tx, tx.signature);
    if (fast) return fast;
  }
  const { type, chain_id, from, nonce, payload, public_key, signature } = tx;
  return canonicalBytes({ type, chain_id, from, nonce, payload, public_key, signature });
}
