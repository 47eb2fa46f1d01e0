// ed25519 through node:crypto: the same signatures as the SDK's noble code (ed25519 is
// deterministic), many times faster, which matters on the completion path.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { receiptSigningBytes, type Receipt, type UnsignedReceipt } from "@aitbc/sdk";

const publicKeys = new Map<string, KeyObject>();

export function publicKeyObject(publicKeyB64: string): KeyObject {
  let key = publicKeys.get(publicKeyB64);
  if (!key) {
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKeyB64 }, format: "jwk" });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(publicKeyB64, key);
  }
  return key;
}

export function privateKeyObject(secretKeyB64: string, publicKeyB64: string): KeyObject {
  return createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: secretKeyB64, x: publicKeyB64 },
    format: "jwk",
  });
}

export function verifyEd25519(sigB64: string, message: Uint8Array, publicKeyB64: string): boolean {
  const sig = Buffer.from(sigB64, "base64url");
  if (sig.length !== 64) return false;
  return verify(null, message, publicKeyObject(publicKeyB64), sig);
}

/** Adds a signature to a receipt, like the SDK's signReceipt. */
export function countersignReceipt(
  receipt: UnsignedReceipt,
  signer: { keyId: string; publicKey: string; privateKey: KeyObject },
): Receipt {
  const sig = sign(null, receiptSigningBytes(receipt), signer.privateKey).toString("base64url");
  return {
    ...receipt,
    signatures: [
      ...(receipt.signatures ?? []),
      { alg: "ed25519", key_id: signer.keyId, public_key: signer.publicKey, sig },
    ],
  } as Receipt;
}
