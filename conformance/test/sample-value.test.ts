// The request generator: without examples it must still produce values that validate, for our
// common patterns and for every request schema of every bundled AITBC document.
import { describe, expect, it } from "vitest";
import { sampleFromPattern } from "../src/schema/pattern-sample.js";
import { sampleValue } from "../src/schema/sample-value.js";
import { DocumentValidator } from "../src/schema/validator.js";
import { loadOpenApiDocuments } from "../src/spec/documents.js";
import { listOperations } from "../src/spec/operations.js";

describe("sampleFromPattern", () => {
  it.each([
    ["^aitbc[0-9a-f]{40}$"],
    ["^0x[0-9a-f]{64}$"],
    ["^[A-Za-z0-9_-]{43}$"],
    ["^[A-Za-z0-9][A-Za-z0-9._:-]*$"],
    ["^(0|[1-9][0-9]{0,18})$"],
    ["^sha256:[0-9a-f]{64}$"],
    ["^(?:provider|coordinator):[a-z0-9-]+$"],
    ["^[^\\s]+@[^\\s]+$"],
    ["^\\d{4}-\\d{2}$"],
  ])("matches %s", (pattern) => {
    expect(sampleFromPattern(pattern)).toMatch(new RegExp(pattern));
  });

  it("is deterministic and grows open repetitions on request", () => {
    expect(sampleFromPattern("^ab*c+$")).toBe("ac");
    expect(sampleFromPattern("^ab*c+$", 2)).toBe("abbccc");
  });
});

describe("sampleValue", () => {
  const doc = {};
  const validator = new DocumentValidator("inline", doc);
  const cases: Array<[string, Record<string, unknown>]> = [
    ["an exclusive minimum", { type: "number", exclusiveMinimum: 0, maximum: 10 }],
    ["an integer range", { type: "integer", minimum: 5, maximum: 7 }],
    ["a multipleOf", { type: "number", minimum: 1, multipleOf: 0.5 }],
    ["a long minLength", { type: "string", minLength: 12, maxLength: 12 }],
    ["a pattern and minLength", { type: "string", pattern: "^[a-z]+$", minLength: 5 }],
    ["a date-time", { type: "string", format: "date-time" }],
    [
      "required properties",
      {
        type: "object",
        required: ["a", "b"],
        properties: {
          a: { type: "boolean" },
          b: { type: "array", minItems: 2, items: { type: "integer" } },
        },
        additionalProperties: false,
      },
    ],
    [
      "allOf parts",
      {
        allOf: [
          { type: "object", required: ["x"], properties: { x: { type: "string" } } },
          { required: ["y"], properties: { y: { const: 3 } } },
        ],
      },
    ],
    ["a nullable oneOf", { oneOf: [{ type: "null" }, { type: "string", enum: ["on", "off"] }] }],
  ];
  it.each(cases)("satisfies %s", (_name, schema) => {
    const value = sampleValue(doc, schema, { useExamples: false });
    expect(validator.validate(schema, value)).toEqual({ valid: true, errors: [] });
  });

  it("prefers documented examples", () => {
    expect(sampleValue(doc, { type: "number", examples: [100.0, 2.5] })).toBe(100);
    expect(sampleValue(doc, { type: "string", example: "gpu-compute-001" })).toBe(
      "gpu-compute-001",
    );
  });

  for (const loaded of loadOpenApiDocuments()) {
    it(`builds valid request bodies and parameters for every ${loaded.name} operation without examples`, () => {
      const v = new DocumentValidator(loaded.name, loaded.doc);
      const invalid: string[] = [];
      for (const op of listOperations(loaded)) {
        const schemas = [
          ...op.parameters.map((p) => [`${p.in} ${p.name}`, p.schema] as const),
          ...(op.requestBody?.media ?? []).map((m) => [`body ${m.type}`, m.schema] as const),
        ];
        for (const [what, schema] of schemas) {
          if (!schema) continue;
          const value = sampleValue(loaded.doc, schema, { useExamples: false });
          const result = v.validate(schema, value);
          if (!result.valid)
            invalid.push(
              `${op.label} ${what}: ${JSON.stringify(value)} ${result.errors.join("; ")}`,
            );
        }
      }
      expect(invalid).toEqual([]);
    });
  }
});
