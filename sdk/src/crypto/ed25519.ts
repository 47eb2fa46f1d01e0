import { ed25519 } from "@noble/curves/ed25519.js";
import { fromBase64Url, toBase64Url } from "./base64url.js";

export interface KeyPair {
  /** 32-byte ed25519 secret seed. */
  secretKey: Uint8Array;
  /** 32-byte ed25519 public key. */
  publicKey: Uint8Array;
}

export function generateKeyPair(): KeyPair {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function keyPairFromSecret(secretKey: Uint8Array): KeyPair {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw new TypeError("secretKey: expected 32 bytes");
  }
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

/** Returns false (never throws) for a malformed key or signature. */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}

/** Serializes a key pair as base64url strings, for config files and env vars. */
export function exportKeyPair(pair: KeyPair): { secret_key: string; public_key: string } {
  return { secret_key: toBase64Url(pair.secretKey), public_key: toBase64Url(pair.publicKey) };
}

export function importSecretKey(secretKeyB64: string): KeyPair {
  return keyPairFromSecret(fromBase64Url(secretKeyB64));
}
