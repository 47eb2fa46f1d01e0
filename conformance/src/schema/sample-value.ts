// A small deterministic generator of schema-valid values, for requests the spec gives no example
// for. Documented examples win at every level (examples, example, default, const, enum), then the
// smallest value the keywords allow: required properties only, one array item, the minimum number.
import { deref, isRef } from "../spec/json-pointer.js";
import type { JsonSchema } from "../spec/operations.js";
import { sampleFromPattern } from "./pattern-sample.js";

const MAX_DEPTH = 16;

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2026-01-01T00:00:00.000Z",
  date: "2026-01-01",
  time: "00:00:00Z",
  email: "conformance@example.com",
  uri: "https://example.com/conformance",
  url: "https://example.com/conformance",
  "uri-reference": "/conformance",
  uuid: "00000000-0000-4000-8000-000000000000",
  hostname: "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  byte: "AAAA",
};

export interface SampleOptions {
  /** Use documented examples (default true). Off, the value is built from the keywords alone. */
  useExamples?: boolean;
}

export function sampleValue(doc: unknown, schema: unknown, options: SampleOptions = {}): unknown {
  return sample(doc, schema, options.useExamples ?? true, 0);
}

function sample(doc: unknown, raw: unknown, useExamples: boolean, depth: number): unknown {
  if (raw === true || raw === undefined) return {};
  if (raw === false || depth > MAX_DEPTH) return null;
  const schema = (isRef(raw) ? { ...deref(doc, raw), ...without$ref(raw) } : raw) as JsonSchema;
  const next = (s: unknown) => sample(doc, s, useExamples, depth + 1);

  if ("const" in schema) return schema.const;
  if (useExamples) {
    if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
    if ("example" in schema) return schema.example;
    if ("default" in schema) return schema.default;
  }
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];

  if (Array.isArray(schema.allOf)) return next(mergeAllOf(doc, schema));
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length) {
      const preferred = branches.find((b) => !isNullSchema(doc, b)) ?? branches[0];
      return next(preferred);
    }
  }
  return sampleOwn(doc, schema, useExamples, depth);
}

function sampleOwn(doc: unknown, schema: JsonSchema, useExamples: boolean, depth: number): unknown {
  const next = (s: unknown) => sample(doc, s, useExamples, depth + 1);
  const type = pickType(schema);
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const name of (schema.required as string[] | undefined) ?? []) {
        out[name] = name in props ? next(props[name]) : sampleAdditional(schema, next);
      }
      const minProperties = Number(schema.minProperties ?? 0);
      for (const name of Object.keys(props)) {
        if (Object.keys(out).length >= minProperties) break;
        if (!(name in out)) out[name] = next(props[name]);
      }
      return out;
    }
    case "array": {
      if (schema.maxItems === 0) return [];
      const count = Math.max(Number(schema.minItems ?? 0), 1);
      const prefix = (schema.prefixItems as unknown[] | undefined) ?? [];
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const item = prefix[i] !== undefined ? next(prefix[i]) : next(schema.items ?? true);
        items.push(schema.uniqueItems && typeof item === "string" && i > 0 ? item + i : item);
      }
      return items;
    }
    case "integer":
    case "number":
      return sampleNumber(schema, type === "integer");
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return sampleString(schema);
    default:
      return {};
  }
}

function sampleAdditional(schema: JsonSchema, next: (s: unknown) => unknown): unknown {
  const ap = schema.additionalProperties;
  return ap && typeof ap === "object" ? next(ap) : "sample";
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const min = num(schema.minimum);
  const max = num(schema.maximum);
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const step = num(schema.multipleOf) ?? (integer ? 1 : undefined);
  const lower = Math.max(min ?? -Infinity, exMin !== undefined ? exMin + (step ?? 1) : -Infinity);
  let value = Number.isFinite(lower) ? lower : 1;
  if (max !== undefined && value > max) value = max;
  if (exMax !== undefined && value >= exMax) value = exMax - (step ?? 1);
  if (step) value = Math.ceil(value / step) * step;
  return integer ? Math.round(value) : value;
}

function sampleString(schema: JsonSchema): string {
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = schema.maxLength === undefined ? Infinity : Number(schema.maxLength);
  let value: string;
  if (typeof schema.pattern === "string") {
    value = sampleFromPattern(schema.pattern);
    for (let extra = 1; value.length < minLength && extra <= minLength; extra++) {
      value = sampleFromPattern(schema.pattern, extra);
    }
  } else if (typeof schema.format === "string" && schema.format in FORMAT_SAMPLES) {
    value = FORMAT_SAMPLES[schema.format]!;
  } else {
    value = "sample";
  }
  if (value.length < minLength) value = value.padEnd(minLength, "x");
  return value.length > maxLength ? value.slice(0, maxLength) : value;
}

function pickType(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return (t.find((x) => x !== "null") ?? t[0]) as string | undefined;
  if (typeof t === "string") return t;
  if (schema.properties || schema.required) return "object";
  if (schema.items || schema.prefixItems) return "array";
  if (schema.pattern || schema.format || schema.minLength !== undefined) return "string";
  return undefined;
}

function isNullSchema(doc: unknown, raw: unknown): boolean {
  const s = deref(doc, raw) as JsonSchema;
  return s?.type === "null" || ("const" in s && s.const === null);
}

function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

/** One schema with the keywords of every `allOf` part: properties merged, `required` united. */
export function mergeAllOf(doc: unknown, schema: JsonSchema, depth = 0): JsonSchema {
  const { allOf, ...own } = schema;
  const merged: JsonSchema = {};
  const parts = [...((allOf as unknown[]) ?? []).map((p) => deref(doc, p) as JsonSchema), own];
  for (const raw of parts) {
    const part =
      Array.isArray(raw.allOf) && depth < MAX_DEPTH ? mergeAllOf(doc, raw, depth + 1) : raw;
    for (const [key, value] of Object.entries(part)) {
      if (key === "properties") {
        merged.properties = { ...(merged.properties as object), ...(value as object) };
      } else if (key === "required") {
        merged.required = [
          ...new Set([...((merged.required as string[]) ?? []), ...(value as string[])]),
        ];
      } else if (key === "minimum" || key === "exclusiveMinimum" || key === "minLength") {
        merged[key] = Math.max(Number(merged[key] ?? -Infinity), Number(value));
      } else if (key === "maximum" || key === "exclusiveMaximum" || key === "maxLength") {
        merged[key] = Math.min(Number(merged[key] ?? Infinity), Number(value));
      } else {
        merged[key] = value;
      }
    }
  }
  return merged;
}

function without$ref(node: { $ref: string }): Record<string, unknown> {
  const { $ref: _ignored, ...rest } = node as Record<string, unknown>;
  return rest;
}
