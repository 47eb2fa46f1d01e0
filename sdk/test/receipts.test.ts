// Receipts: signing and verification with the SDK, and the signed test vectors in
// spec/receipts/vectors, which were made by an independent implementation (node:crypto + its own
// canonical JSON). Every vector must verify as expected, and the SDK must re-derive the valid
// vectors' signatures byte for byte.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromBase64Url } from "../src/crypto/base64url.js";
import { canonicalize } from "../src/crypto/jcs.js";
import { sha256Hex } from "../src/crypto/hash.js";
import { generateKeyPair } from "../src/crypto/ed25519.js";
import {
  receiptHash,
  receiptSigningBytes,
  signReceipt,
  verifyReceipt,
  type Receipt,
  type UnsignedReceipt,
} from "../src/receipts/receipt.js";

interface Vector {
  name: string;
  expected: { valid: boolean; reason?: string };
  keys: Record<
    "provider" | "coordinator" | "untrusted",
    { key_id: string; public_key: string; secret_key: string }
  >;
  trusted: { coordinator_keys: string[]; provider_keys: string[] };
  signing_input: string;
  signing_input_sha256: string;
  receipt_hash: string;
  receipt: Receipt;
}

const VECTOR_DIR = fileURLToPath(new URL("../../spec/receipts/vectors/", import.meta.url));
const vectors: Vector[] = readdirSync(VECTOR_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(VECTOR_DIR, f), "utf8")) as Vector);

const withoutSignatures = (r: Receipt): UnsignedReceipt => {
  const { signatures: _s, ...body } = r;
  return body;
};

describe("receipt test vectors (spec/receipts/vectors)", () => {
  it("include valid ones and every kind of invalid one", () => {
    expect(vectors.filter((v) => v.expected.valid).length).toBeGreaterThanOrEqual(3);
    expect(
      vectors
        .filter((v) => !v.expected.valid)
        .map((v) => v.expected.reason)
        .sort(),
    ).toEqual(["bad_signature", "missing_coordinator_signature", "tampered", "untrusted_key"]);
  });

  describe.each(vectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const options = {
      coordinatorKeys: v.trusted.coordinator_keys,
      providerKeys: v.trusted.provider_keys,
    };

    it("has the documented signing input and receipt hash", () => {
      expect(canonicalize(withoutSignatures(v.receipt))).toBe(v.signing_input);
      expect(new TextDecoder().decode(receiptSigningBytes(v.receipt))).toBe(v.signing_input);
      expect(sha256Hex(receiptSigningBytes(v.receipt))).toBe(v.signing_input_sha256);
      expect(receiptHash(v.receipt)).toBe(v.receipt_hash);
    });

    it(`verifies as ${v.expected.valid ? "valid" : `invalid (${v.expected.reason})`}`, () => {
      const result = verifyReceipt(v.receipt, options);
      expect(result.valid).toBe(v.expected.valid);
      if (v.expected.valid) expect(result.errors).toEqual([]);
      else expect(result.errors.length).toBeGreaterThan(0);
    });

    if (v.expected.valid) {
      it("is re-derived byte for byte by signReceipt", () => {
        let receipt: UnsignedReceipt = withoutSignatures(v.receipt);
        for (const role of ["provider", "coordinator"] as const) {
          const key = v.keys[role];
          receipt = signReceipt(receipt, {
            secretKey: fromBase64Url(key.secret_key),
            keyId: key.key_id,
          });
        }
        expect(receipt).toEqual(v.receipt);
        expect(JSON.stringify(receipt.signatures)).toBe(JSON.stringify(v.receipt.signatures));
      });
    }
  });

  it("explains each invalid vector", () => {
    const byReason = Object.fromEntries(
      vectors
        .filter((v) => !v.expected.valid)
        .map((v) => [
          v.expected.reason,
          verifyReceipt(v.receipt, {
            coordinatorKeys: v.trusted.coordinator_keys,
            providerKeys: v.trusted.provider_keys,
          }).errors,
        ]),
    );
    expect(byReason.tampered).toContain(
      "signatures[0] (provider:gpu-compute-pro): signature does not match the receipt",
    );
    expect(byReason.untrusted_key).toContain(
      "signatures[1] (coordinator:2026-11): key is not trusted",
    );
    expect(byReason.bad_signature![0]).toMatch(
      /signatures\[0\] \(provider:gpu-compute-pro\): signature does not match/,
    );
    expect(byReason.missing_coordinator_signature).toEqual([
      "receipt: no valid coordinator signature",
    ]);
  });

  it("without trust lists, the untrusted-key vector is only self-consistent, and says so by trusted: null", () => {
    const v = vectors.find((x) => x.expected.reason === "untrusted_key")!;
    const result = verifyReceipt(v.receipt);
    expect(result.valid).toBe(true);
    expect(result.signatures.map((s) => s.trusted)).toEqual([null, null]);
  });
});

describe("signReceipt and verifyReceipt", () => {
  const body = (): UnsignedReceipt => ({ ...withoutSignatures(vectors[0]!.receipt) });
  const provider = generateKeyPair();
  const coordinator = generateKeyPair();
  const signBoth = (r: UnsignedReceipt) =>
    signReceipt(signReceipt(r, { secretKey: provider.secretKey, keyId: "provider:p" }), {
      secretKey: coordinator.secretKey,
      keyId: "coordinator:k",
    });

  it("signs in order and verifies, without changing the input", () => {
    const input = body();
    const snapshot = structuredClone(input);
    const receipt = signBoth(input);
    expect(input).toEqual(snapshot);
    expect(receipt.signatures.map((s) => s.key_id)).toEqual(["provider:p", "coordinator:k"]);
    expect(verifyReceipt(receipt)).toMatchObject({ valid: true, errors: [] });
  });

  it("does not depend on the order of fields", () => {
    const receipt = signBoth(body());
    const reordered = Object.fromEntries(Object.entries(receipt).reverse()) as unknown as Receipt;
    expect(verifyReceipt(reordered).valid).toBe(true);
    expect(receiptHash(reordered)).toBe(receiptHash(receipt));
  });

  it("can require only the provider (a receipt before the coordinator countersigns)", () => {
    const minerSigned = signReceipt(body(), { secretKey: provider.secretKey, keyId: "provider:p" });
    expect(verifyReceipt(minerSigned).valid).toBe(false);
    expect(verifyReceipt(minerSigned, { require: ["provider"] }).valid).toBe(true);
  });

  it.each([
    ["not an object", "receipt", "receipt: expected an object"],
    ["an array", [], "receipt: expected an object"],
    ["no signatures", { job_id: "x", signatures: [] }, "receipt.signatures: no signatures"],
  ])("refuses %s without throwing", (_what, value, error) => {
    expect(verifyReceipt(value)).toEqual({ valid: false, signatures: [], errors: [error] });
  });

  it("reports a malformed signature or key and an unsupported algorithm without throwing", () => {
    const receipt = signBoth(body());
    const broken = {
      ...receipt,
      signatures: [
        { ...receipt.signatures[0]!, sig: "!!" },
        { ...receipt.signatures[1]!, alg: "rsa" },
      ],
    };
    const result = verifyReceipt(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      "signatures[0]: malformed key or signature",
      "signatures[1]: unsupported alg",
      "receipt: no valid provider signature",
      "receipt: no valid coordinator signature",
    ]);
  });

  it("changes the receipt hash when a signature changes, but not the signing input", () => {
    const a = signBoth(body());
    const b = signReceipt(body(), { secretKey: provider.secretKey, keyId: "provider:p" });
    expect(receiptSigningBytes(a)).toEqual(receiptSigningBytes(b));
    expect(receiptHash(a)).not.toBe(receiptHash(b));
    expect(receiptHash(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
