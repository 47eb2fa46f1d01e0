// RFC 8785 (JSON Canonicalization Scheme): the examples of sections 3.2.2 and 3.2.3 and the number
// serialization table of Appendix B, plus the I-JSON input rules.
import { describe, expect, it } from "vitest";
import { canonicalBytes, canonicalize, CanonicalizationError } from "../src/crypto/jcs.js";

describe("RFC 8785", () => {
  it("§3.2.2: serializes the example's literals, numbers and strings", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("§3.2.3: sorts properties by UTF-16 code units", () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        '"1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        '"\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("encodes the canonical form as UTF-8", () => {
    const bytes = canonicalBytes({ "€": "Euro Sign", "\r": "CR" });
    expect(Buffer.from(bytes).toString("hex")).toBe(
      Buffer.from('{"\\r":"CR","\u20ac":"Euro Sign"}', "utf8").toString("hex"),
    );
    expect(bytes.slice(12, 15)).toEqual(new Uint8Array([0xe2, 0x82, 0xac]));
  });

  // Appendix B: IEEE 754 double (hex) → canonical text.
  const APPENDIX_B: Array<[string, string]> = [
    ["0000000000000000", "0"],
    ["8000000000000000", "0"],
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ];
  it.each(APPENDIX_B)("Appendix B: %s → %s", (hex, text) => {
    expect(canonicalize(Buffer.from(hex, "hex").readDoubleBE(0))).toBe(text);
  });

  it.each(["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])(
    "Appendix B: %s (NaN or Infinity) is an error",
    (hex) => {
      expect(() => canonicalize(Buffer.from(hex, "hex").readDoubleBE(0))).toThrow(
        CanonicalizationError,
      );
    },
  );
});

describe("canonicalize input rules", () => {
  it("drops undefined properties and turns undefined array items (and holes) into null", () => {
    expect(canonicalize({ b: 1, a: undefined, c: [undefined, 2] })).toBe('{"b":1,"c":[null,2]}');
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalize([1, , 3])).toBe("[1,null,3]");
  });

  it("sorts nested objects too and is independent of insertion order", () => {
    expect(canonicalize({ z: { b: 2, a: 1 }, a: [{ y: 1, x: 2 }] })).toBe(
      canonicalize({ a: [{ x: 2, y: 1 }], z: { a: 1, b: 2 } }),
    );
  });

  it.each([
    ["a lone surrogate", { s: "\ud800" }, "$.s: lone surrogate"],
    ["a lone surrogate key", { "\udc00": 1 }, "$: lone surrogate in a key"],
    ["a bigint", { n: 10n }, "$.n: cannot canonicalize a bigint"],
    ["a Date", { at: new Date(0) }, "$.at: not a plain object (Date)"],
    ["a Map", [new Map()], "$[0]: not a plain object (Map)"],
    ["a function", { f: () => 1 }, "$.f: cannot canonicalize a function"],
  ])("refuses %s, naming where", (_what, value, message) => {
    expect(() => canonicalize(value)).toThrow(CanonicalizationError);
    expect(() => canonicalize(value)).toThrow(message);
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.assign(Object.create(null) as Record<string, number>, { b: 2, a: 1 });
    expect(canonicalize(bare)).toBe('{"a":1,"b":2}');
  });
});
