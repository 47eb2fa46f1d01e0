// Receipt signing and verification (spec/common/schemas/Receipt.yaml). Works offline, in Node and
// in browsers: noble ed25519 over the RFC 8785 canonical JSON of the receipt without `signatures`.
import { canonicalBytes } from "../crypto/jcs.js";
import { contentDigest } from "../crypto/hash.js";
import { fromBase64Url, toBase64Url } from "../crypto/base64url.js";
import { keyPairFromSecret, sign, verify } from "../crypto/ed25519.js";

export interface ReceiptSignature {
  alg: "ed25519";
  key_id: string;
  public_key: string;
  sig: string;
}

export interface Receipt {
  receipt_id: string;
  job_id: string;
  service_id: string;
  provider_id: string;
  customer_id: string;
  miner_id?: string;
  model: string;
  model_digest?: string;
  input_hash: string;
  output_hash: string;
  units: string;
  unit_type: "gpu_seconds" | "tokens";
  unit_price: string;
  /** `tokens` only: micro-AITBC per 1,000 input tokens, when input is priced. */
  input_unit_price?: string;
  cost: string;
  tokens_in?: number;
  tokens_out?: number;
  /** The sampler's seed (0..2^32-1). */
  seed?: number;
  /** The sampling temperature as a decimal string, e.g. `"0.8"`. */
  temperature?: string;
  /** What ran the model, e.g. `llamacpp` or `ollama`. */
  executor?: string;
  /** The executor's version and backend; same executor, version and model digest means same bytes. */
  executor_version?: string;
  started_at: string;
  completed_at: string;
  chain_id: string;
  signatures: ReceiptSignature[];
}

export type UnsignedReceipt = Omit<Receipt, "signatures"> & { signatures?: ReceiptSignature[] };

export function receiptSigningBytes(receipt: UnsignedReceipt): Uint8Array {
  const { signatures: _ignored, ...body } = receipt;
  return canonicalBytes(body);
}

/** Adds one signature to a receipt (the miner signs first, the coordinator countersigns). */
export function signReceipt(
  receipt: UnsignedReceipt,
  signer: { secretKey: Uint8Array; keyId: string },
): Receipt {
  const { publicKey } = keyPairFromSecret(signer.secretKey);
  const signature: ReceiptSignature = {
    alg: "ed25519",
    key_id: signer.keyId,
    public_key: toBase64Url(publicKey),
    sig: toBase64Url(sign(receiptSigningBytes(receipt), signer.secretKey)),
  };
  return { ...receipt, signatures: [...(receipt.signatures ?? []), signature] } as Receipt;
}

/** `sha256:<hex>` of the canonical JSON of the whole receipt, signatures included: the hash anchored on chain. */
export function receiptHash(receipt: Receipt): string {
  return contentDigest(canonicalBytes(receipt));
}

export interface VerifyReceiptOptions {
  /**
   * Trusted coordinator public keys (base64url), for example from `GET /v1/keys`. When given, a
   * `coordinator:` signature must use one of them.
   */
  coordinatorKeys?: readonly string[];
  /** Trusted provider public keys (base64url). When given, a `provider:` signature must use one of them. */
  providerKeys?: readonly string[];
  /** Signer roles that must be present. Default: both `provider` and `coordinator`. */
  require?: ReadonlyArray<"provider" | "coordinator">;
}

export interface SignatureCheck {
  key_id: string;
  public_key: string;
  valid: boolean;
  trusted: boolean | null;
  reason?: string;
}

export interface ReceiptVerification {
  valid: boolean;
  signatures: SignatureCheck[];
  errors: string[];
}

/** Verifies every signature on a receipt and that the required signers are present and trusted. */
export function verifyReceipt(
  receipt: unknown,
  options: VerifyReceiptOptions = {},
): ReceiptVerification {
  const errors: string[] = [];
  if (!receipt || typeof receipt !== "object" || Array.isArray(receipt)) {
    return { valid: false, signatures: [], errors: ["receipt: expected an object"] };
  }
  const r = receipt as Receipt;
  if (!Array.isArray(r.signatures) || r.signatures.length === 0) {
    return { valid: false, signatures: [], errors: ["receipt.signatures: no signatures"] };
  }
  let message: Uint8Array;
  try {
    message = receiptSigningBytes(r);
  } catch (err) {
    return { valid: false, signatures: [], errors: [`receipt: ${(err as Error).message}`] };
  }
  const checks: SignatureCheck[] = r.signatures.map((s, i) => {
    const check: SignatureCheck = {
      key_id: String(s?.key_id),
      public_key: String(s?.public_key),
      valid: false,
      trusted: null,
    };
    if (!s || s.alg !== "ed25519") {
      check.reason = `signatures[${i}]: unsupported alg`;
      return check;
    }
    try {
      check.valid = verify(fromBase64Url(s.sig), message, fromBase64Url(s.public_key));
      if (!check.valid)
        check.reason = `signatures[${i}] (${s.key_id}): signature does not match the receipt`;
    } catch {
      check.reason = `signatures[${i}]: malformed key or signature`;
    }
    const trustList =
      roleOf(s.key_id) === "coordinator"
        ? options.coordinatorKeys
        : roleOf(s.key_id) === "provider"
          ? options.providerKeys
          : undefined;
    if (trustList) {
      check.trusted = trustList.includes(s.public_key);
      if (!check.trusted)
        check.reason = check.reason ?? `signatures[${i}] (${s.key_id}): key is not trusted`;
    }
    return check;
  });
  for (const c of checks) if (c.reason) errors.push(c.reason);
  for (const role of options.require ?? ["provider", "coordinator"]) {
    if (!checks.some((c) => roleOf(c.key_id) === role && c.valid && c.trusted !== false)) {
      errors.push(`receipt: no valid ${role} signature`);
    }
  }
  return { valid: errors.length === 0, signatures: checks, errors };
}

function roleOf(keyId: string): string {
  return keyId.split(":", 1)[0] ?? "";
}
