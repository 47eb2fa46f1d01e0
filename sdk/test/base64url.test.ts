// base64url without padding (RFC 4648 §5), used for every key and signature on the wire.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../src/crypto/base64url.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("base64url", () => {
  // RFC 4648 §10 test vectors, without their "=" padding.
  it.each([
    ["", ""],
    ["f", "Zg"],
    ["fo", "Zm8"],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg"],
    ["fooba", "Zm9vYmE"],
    ["foobar", "Zm9vYmFy"],
  ])("RFC 4648: %j ↔ %j", (text, encoded) => {
    expect(toBase64Url(utf8(text))).toBe(encoded);
    expect(fromBase64Url(encoded)).toEqual(utf8(text));
  });

  it("uses - and _ instead of + and /", () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(fromBase64Url("-_-_")).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it("agrees with Node's encoder on any bytes and round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const encoded = toBase64Url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64url"));
        expect(fromBase64Url(encoded)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["Zm9v=A", "invalid character at 4"],
    ["Zm+v", "invalid character at 2"],
    ["Zm/v", "invalid character at 2"],
    ["Zm9 vA", "invalid character at 3"],
    ["Zm9vY", "invalid length"],
    ["Zh", "non-canonical trailing bits"],
    ["Zm9", "non-canonical trailing bits"],
    ["Zm9vYmE=", "invalid character at 7"],
  ])("refuses %j (%s)", (text, message) => {
    expect(() => fromBase64Url(text)).toThrow(TypeError);
    expect(() => fromBase64Url(text)).toThrow(message);
  });

  it("refuses a non-string", () => {
    expect(() => fromBase64Url(42 as unknown as string)).toThrow("base64url: expected a string");
  });
});
