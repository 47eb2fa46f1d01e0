// A schema-valid request for an operation, built from its documented examples where they exist
// and otherwise from its schemas. Path parameters use the documented example ids.
import { randomUUID } from "node:crypto";
import { keyFor, type Credentials } from "../config/credentials.js";
import { sampleValue } from "../schema/sample-value.js";
import type { DocumentValidator } from "../schema/validator.js";
import type { JsonSchema, MediaSpec, Operation, ParameterSpec } from "../spec/operations.js";
import { isJsonMediaType, type BuiltRequest } from "./http-exchange.js";

export interface ValidRequest {
  request: BuiltRequest;
  /** Spec problems found on the way (an example that does not match its own schema). */
  problems: string[];
}

export function parameterValue(
  doc: unknown,
  validator: DocumentValidator,
  p: ParameterSpec,
  problems: string[],
): unknown {
  if (p.hasExample) {
    if (!p.schema || validator.validate(p.schema, p.example).valid) return p.example;
    problems.push(`the example of ${p.in} parameter ${p.name} does not match its schema`);
  }
  return p.schema ? sampleSchema(doc, validator, p.schema) : "sample";
}

/** A documented example if it validates, else a generated value; either way checked. */
export function sampleSchema(
  doc: unknown,
  validator: DocumentValidator,
  schema: JsonSchema,
): unknown {
  const withExamples = sampleValue(doc, schema);
  if (validator.validate(schema, withExamples).valid) return withExamples;
  return sampleValue(doc, schema, { useExamples: false });
}

export function jsonBodyMedia(op: Operation): MediaSpec | undefined {
  return op.requestBody?.media.find((m) => isJsonMediaType(m.type));
}

export function serializeParameter(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (value !== null && typeof value === "object") return [JSON.stringify(value)];
  return [String(value)];
}

export function buildValidRequest(
  doc: unknown,
  validator: DocumentValidator,
  op: Operation,
  credentials: Credentials,
): ValidRequest {
  const problems: string[] = [];
  let path = op.path;
  const query: Array<[string, string]> = [];
  const headers: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === "header" && p.name.toLowerCase() === "idempotency-key") {
      headers[p.name] = randomUUID();
      continue;
    }
    if (!p.required) continue;
    const value = parameterValue(doc, validator, p, problems);
    if (p.in === "path") {
      path = path.replace(`{${p.name}}`, encodeURIComponent(serializeParameter(value)[0] ?? ""));
    } else if (p.in === "query") {
      for (const v of serializeParameter(value)) query.push([p.name, v]);
    } else if (p.in === "header") {
      headers[p.name] = serializeParameter(value).join(",");
    }
  }
  const key = keyFor(op, credentials);
  if (key) headers["X-API-Key"] = key;

  const request: BuiltRequest = { method: op.method, path, query, headers, hasBody: false };
  const media = jsonBodyMedia(op);
  if (media) {
    request.hasBody = true;
    if (
      media.hasExample &&
      (!media.schema || validator.validate(media.schema, media.example).valid)
    ) {
      request.body = media.example;
    } else {
      if (media.hasExample) problems.push("the request body example does not match its schema");
      request.body = media.schema ? sampleSchema(doc, validator, media.schema) : {};
      if (media.schema && !validator.validate(media.schema, request.body).valid)
        problems.push("could not build a schema-valid request body");
    }
  }
  return { request, problems };
}
