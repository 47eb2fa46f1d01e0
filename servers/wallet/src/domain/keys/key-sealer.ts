// Encryption at rest for the custodial keys. scrypt turns the passphrase into a key-encryption key
// once per process; each secret key is then sealed with XChaCha20-Poly1305 under a fresh random
// 24-byte nonce (random nonces are safe at this size), with the account id as associated data, so
// a sealed key copied onto another account's row fails to open instead of signing for it.
import { randomBytes } from "node:crypto";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { utf8 } from "@aitbc/sdk";

export interface KdfParams {
  /** base64url salt. */
  salt: string;
  N: number;
  r: number;
  p: number;
}

export interface SealedSecret {
  /** base64url 24-byte nonce. */
  nonce: string;
  /** base64url ciphertext with the Poly1305 tag. */
  ciphertext: string;
}

/** scrypt cost for new keystores: about 0.1–0.3 s in pure JS, paid once at startup. */
export const DEFAULT_KDF: Omit<KdfParams, "salt"> = { N: 2 ** 15, r: 8, p: 1 };

export class WrongPassphraseError extends Error {}

export function newKdfParams(): KdfParams {
  return { salt: randomBytes(16).toString("base64url"), ...DEFAULT_KDF };
}

export class KeySealer {
  private constructor(private readonly kek: Uint8Array) {}

  static async derive(passphrase: string, params: KdfParams): Promise<KeySealer> {
    const kek = await scryptAsync(utf8(passphrase), Buffer.from(params.salt, "base64url"), {
      N: params.N,
      r: params.r,
      p: params.p,
      dkLen: 32,
    });
    return new KeySealer(kek);
  }

  seal(plaintext: Uint8Array, context: string): SealedSecret {
    const nonce = randomBytes(24);
    const ciphertext = xchacha20poly1305(this.kek, nonce, utf8(context)).encrypt(plaintext);
    return {
      nonce: nonce.toString("base64url"),
      ciphertext: Buffer.from(ciphertext).toString("base64url"),
    };
  }

  /** Throws WrongPassphraseError when the tag does not verify (wrong passphrase or tampered row). */
  open(sealed: SealedSecret, context: string): Uint8Array {
    try {
      return xchacha20poly1305(
        this.kek,
        Buffer.from(sealed.nonce, "base64url"),
        utf8(context),
      ).decrypt(Buffer.from(sealed.ciphertext, "base64url"));
    } catch {
      throw new WrongPassphraseError(
        "a sealed key did not open: wrong AITBC_WALLET_PASSPHRASE or a tampered keystore",
      );
    }
  }
}
