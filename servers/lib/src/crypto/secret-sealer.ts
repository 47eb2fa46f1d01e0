// Secrets a service must keep in its database (a replayed response holding a new API key, a signing
// key) are sealed with XChaCha20-Poly1305 under a 32-byte key from the service's config. Each seal
// uses a fresh random 24-byte nonce (safe at random for this size), and binds a context string as
// associated data, so a sealed value copied into another row does not open there.
import { createHmac, randomBytes } from "node:crypto";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";

const VERSION = "v1";

export class SealedSecretError extends Error {}

export class SecretSealer {
  private constructor(private readonly key: Uint8Array) {}

  /** From base64url of exactly 32 bytes (what `AITBC_*_SEALING_KEY` variables hold). */
  static fromBase64Url(text: string): SecretSealer {
    const key = Buffer.from(text, "base64url");
    if (key.length !== 32 || key.toString("base64url") !== text.replace(/=+$/, ""))
      throw new SealedSecretError("a sealing key must be base64url of exactly 32 bytes");
    return new SecretSealer(new Uint8Array(key));
  }

  /**
   * Derived from another secret of the same service (a development fallback when no sealing key
   * is configured): HMAC-SHA256 with a fixed label, so the derived key is not the secret itself.
   */
  static derivedFrom(secret: string, label: string): SecretSealer {
    return new SecretSealer(new Uint8Array(createHmac("sha256", label).update(secret).digest()));
  }

  static generateKey(): string {
    return randomBytes(32).toString("base64url");
  }

  /** `v1.<nonce>.<ciphertext+tag>`, base64url parts. */
  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(24);
    const ct = xchacha20poly1305(this.key, nonce, Buffer.from(context, "utf8")).encrypt(
      Buffer.from(plaintext, "utf8"),
    );
    return `${VERSION}.${nonce.toString("base64url")}.${Buffer.from(ct).toString("base64url")}`;
  }

  /** Throws SealedSecretError for a value sealed under another key or context, or tampered with. */
  open(sealed: string, context: string): string {
    const [version, nonce, ct] = sealed.split(".");
    if (version !== VERSION || !nonce || !ct)
      throw new SealedSecretError("not a sealed value of this format");
    try {
      const plain = xchacha20poly1305(
        this.key,
        Buffer.from(nonce, "base64url"),
        Buffer.from(context, "utf8"),
      ).decrypt(Buffer.from(ct, "base64url"));
      return Buffer.from(plain).toString("utf8");
    } catch {
      throw new SealedSecretError(
        "a sealed secret did not open: another sealing key, another row, or tampered with",
      );
    }
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}.`);
  }
}
