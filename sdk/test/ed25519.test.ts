// ed25519 (RFC 8032): the standard's test vectors, and identical results to node:crypto, which the
// servers may use for speed.
import {
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
} from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../src/crypto/base64url.js";
import {
  exportKeyPair,
  generateKeyPair,
  importSecretKey,
  keyPairFromSecret,
  sign,
  verify,
} from "../src/crypto/ed25519.js";

const hex = (h: string) => new Uint8Array(Buffer.from(h, "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");

// RFC 8032 §7.1, TEST 1–3: secret key, public key, message, signature.
const RFC8032 = [
  [
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  ],
  [
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  ],
  [
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    "af82",
    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
  ],
] as const;

function nodeKey(secret: Uint8Array) {
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), secret]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

describe("ed25519", () => {
  it.each(RFC8032.map((v, i) => [i + 1, ...v] as const))(
    "RFC 8032 TEST %i: public key and signature",
    (_n, secret, publicKey, message, signature) => {
      const pair = keyPairFromSecret(hex(secret));
      expect(toHex(pair.publicKey)).toBe(publicKey);
      expect(toHex(sign(hex(message), pair.secretKey))).toBe(signature);
      expect(verify(hex(signature), hex(message), pair.publicKey)).toBe(true);
    },
  );

  it("signs exactly like node:crypto and each verifies the other", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        (secret, message) => {
          const key = nodeKey(secret);
          const ours = sign(message, secret);
          expect(toHex(ours)).toBe(toHex(nodeSign(null, message, key)));
          const publicKey = fromBase64Url(createPublicKey(key).export({ format: "jwk" }).x!);
          expect(keyPairFromSecret(secret).publicKey).toEqual(publicKey);
          expect(nodeVerify(null, message, createPublicKey(key), ours)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects a changed message, a changed signature and another key, without throwing", () => {
    const pair = generateKeyPair();
    const other = generateKeyPair();
    const message = new TextEncoder().encode("receipt");
    const signature = sign(message, pair.secretKey);
    expect(verify(signature, new TextEncoder().encode("receipT"), pair.publicKey)).toBe(false);
    const flipped = signature.slice();
    flipped[10]! ^= 1;
    expect(verify(flipped, message, pair.publicKey)).toBe(false);
    expect(verify(signature, message, other.publicKey)).toBe(false);
    expect(verify(signature.slice(0, 63), message, pair.publicKey)).toBe(false);
    expect(verify(signature, message, new Uint8Array(31))).toBe(false);
    expect(verify(new Uint8Array(64).fill(255), message, pair.publicKey)).toBe(false);
  });

  it("exports and imports key pairs as base64url", () => {
    const pair = keyPairFromSecret(hex(RFC8032[0][0]));
    const exported = exportKeyPair(pair);
    expect(exported.public_key).toBe(toBase64Url(hex(RFC8032[0][1])));
    expect(exported.secret_key).toHaveLength(43);
    expect(importSecretKey(exported.secret_key)).toEqual(pair);
  });

  it("names the bad argument", () => {
    expect(() => keyPairFromSecret(new Uint8Array(31))).toThrow("secretKey: expected 32 bytes");
    expect(() => keyPairFromSecret("x" as unknown as Uint8Array)).toThrow(
      "secretKey: expected 32 bytes",
    );
  });

  it("generates distinct keys", () => {
    expect(toHex(generateKeyPair().secretKey)).not.toBe(toHex(generateKeyPair().secretKey));
  });
});
