// JSON Schema validation against an OpenAPI 3.1 document: Ajv's 2020-12 dialect (which OpenAPI 3.1
// schemas are) with ajv-formats. Schemas are compiled in the context of their document, so their
// `#/components/...` refs resolve there.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { JsonSchema } from "../spec/operations.js";

// ajv-formats is CommonJS: under NodeNext its function arrives as the default export.
const addFormats = ((ajvFormats as unknown as { default: unknown }).default ??
  ajvFormats) as unknown as (ajv: Ajv2020) => Ajv2020;

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

export class DocumentValidator {
  private readonly ajv: Ajv2020;
  private readonly id: string;
  private readonly cache = new WeakMap<object, ValidateFunction>();

  constructor(name: string, doc: unknown) {
    this.id = `urn:aitbc:spec:${name}`;
    // strict: false because OpenAPI schemas carry keywords Ajv does not know (example, discriminator).
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, this.id, undefined, false);
  }

  validate(schema: JsonSchema | boolean, value: unknown): ValidationResult {
    const validateFn = this.compile(schema);
    const valid = validateFn(value);
    return { valid: Boolean(valid), errors: valid ? [] : formatErrors(validateFn.errors ?? []) };
  }

  compile(schema: JsonSchema | boolean): ValidateFunction {
    if (typeof schema === "boolean") return this.ajv.compile(schema);
    const cached = this.cache.get(schema);
    if (cached) return cached;
    const compiled = this.ajv.compile(this.anchor(schema) as object);
    this.cache.set(schema, compiled);
    return compiled;
  }

  /** A copy of the schema whose local refs point into the document. */
  private anchor(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.anchor(n));
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string" && value.startsWith("#")
          ? this.id + value
          : this.anchor(value);
    }
    return out;
  }
}

export function formatErrors(errors: ErrorObject[]): string[] {
  return errors.slice(0, 5).map((e) => {
    const at = e.instancePath || "/";
    const extra =
      e.keyword === "additionalProperties"
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === "enum"
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : "";
    return `${at} ${e.message ?? e.keyword}${extra}`;
  });
}
