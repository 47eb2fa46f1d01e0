// A few invalid variants of a valid request, each of which a conforming implementation must refuse
// with a documented 4xx and a Problem body (and, on a real server, without changing anything):
// a missing required body field, a body field of the wrong type, an undeclared body field, a
// missing required query parameter and a path parameter that breaks its schema.
import { randomUUID } from "node:crypto";
import { mergeAllOf } from "../schema/sample-value.js";
import type { DocumentValidator } from "../schema/validator.js";
import { deref } from "../spec/json-pointer.js";
import type { JsonSchema, Operation } from "../spec/operations.js";
import type { BuiltRequest } from "./http-exchange.js";
import { jsonBodyMedia } from "./valid-request.js";

export interface InvalidVariant {
  /** What is wrong, for the report line: `missing body field budget`. */
  name: string;
  request: BuiltRequest;
}

export const UNEXPECTED_FIELD = "conformance_unexpected_field";

function resolved(doc: unknown, schema: unknown): JsonSchema {
  const s = deref(doc, schema) as JsonSchema;
  return Array.isArray(s?.allOf) ? mergeAllOf(doc, s) : (s ?? {});
}

function typeOf(schema: JsonSchema): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== "null") : schema.type;
  if (typeof t === "string") return t;
  if (schema.properties) return "object";
  return undefined;
}

/** A value that cannot be of the schema's type (null is avoided: the type might allow it). */
function wrongTypeValue(type: string): unknown {
  switch (type) {
    case "string":
      return 12345;
    case "integer":
    case "number":
      return "not-a-number";
    case "boolean":
      return "not-a-boolean";
    case "array":
      return "not-an-array";
    default:
      return "not-an-object";
  }
}

/** A copy with a new Idempotency-Key, so that a server does not answer 409 for a reused one. */
function fresh(request: BuiltRequest, changes: Partial<BuiltRequest>): BuiltRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [
      k,
      k.toLowerCase() === "idempotency-key" ? randomUUID() : v,
    ]),
  );
  return { ...request, headers, ...changes };
}

function withBody(request: BuiltRequest, body: unknown): BuiltRequest {
  return fresh(request, { body, hasBody: true });
}

function bodyVariants(doc: unknown, op: Operation, valid: BuiltRequest): InvalidVariant[] {
  const media = jsonBodyMedia(op);
  if (!media?.schema) return [];
  const schema = resolved(doc, media.schema);
  const body = valid.body;
  if (typeOf(schema) !== "object" || !body || typeof body !== "object" || Array.isArray(body)) {
    return [{ name: "body of the wrong type", request: withBody(valid, ["not", "an", "object"]) }];
  }
  const variants: InvalidVariant[] = [];
  const record = body as Record<string, unknown>;
  const required = ((schema.required as string[] | undefined) ?? []).filter((f) => f in record);
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  if (required[0]) {
    const { [required[0]]: _dropped, ...rest } = record;
    variants.push({ name: `missing body field ${required[0]}`, request: withBody(valid, rest) });
  }
  const candidates = [...required, ...Object.keys(record).filter((k) => !required.includes(k))];
  for (const field of candidates) {
    if (!(field in properties)) continue;
    const propSchema = resolved(doc, properties[field]);
    const type = typeOf(propSchema);
    if (!type || propSchema.oneOf || propSchema.anyOf) continue;
    variants.push({
      name: `body field ${field} of the wrong type`,
      request: withBody(valid, { ...record, [field]: wrongTypeValue(type) }),
    });
    break;
  }
  if (schema.additionalProperties === false) {
    variants.push({
      name: `undeclared body field ${UNEXPECTED_FIELD}`,
      request: withBody(valid, { ...record, [UNEXPECTED_FIELD]: true }),
    });
  }
  return variants;
}

function parameterVariants(
  doc: unknown,
  validator: DocumentValidator,
  op: Operation,
  valid: BuiltRequest,
): InvalidVariant[] {
  const variants: InvalidVariant[] = [];
  const requiredQuery = op.parameters.find((p) => p.in === "query" && p.required);
  if (requiredQuery) {
    variants.push({
      name: `missing query parameter ${requiredQuery.name}`,
      request: fresh(valid, { query: valid.query.filter(([n]) => n !== requiredQuery.name) }),
    });
  }
  for (const p of op.parameters.filter((x) => x.in === "path" && x.schema)) {
    const schema = resolved(doc, p.schema);
    const type = typeOf(schema);
    const bad =
      type === "integer" || type === "number"
        ? "not-a-number"
        : typeof schema.pattern === "string" || schema.enum
          ? "!invalid!"
          : undefined;
    if (bad === undefined || validator.validate(p.schema!, bad).valid) continue;
    // Parameter values are encoded, so the valid path has the template's segments one for one.
    const filled = valid.path.split("/");
    const path = op.path
      .split("/")
      .map((seg, i) => (seg === `{${p.name}}` ? encodeURIComponent(bad) : filled[i]))
      .join("/");
    variants.push({
      name: `path parameter ${p.name} breaking its schema`,
      request: fresh(valid, { path }),
    });
    break;
  }
  return variants;
}

export function buildInvalidVariants(
  doc: unknown,
  validator: DocumentValidator,
  op: Operation,
  valid: BuiltRequest,
): InvalidVariant[] {
  return [...bodyVariants(doc, op, valid), ...parameterVariants(doc, validator, op, valid)];
}
