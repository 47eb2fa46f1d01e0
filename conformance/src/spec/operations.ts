// The operations of an OpenAPI document, flattened: path-level and operation-level parameters
// merged, and the `$ref`s of parameters, bodies and responses resolved. Schemas stay as written
// (with their `#/components/...` refs); the validator compiles them in their document's context.
import type { LoadedDocument } from "./documents.js";
import { deref } from "./json-pointer.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export type JsonSchema = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema | undefined;
  example: unknown;
  hasExample: boolean;
}

export interface MediaSpec {
  type: string;
  schema: JsonSchema | undefined;
  example: unknown;
  hasExample: boolean;
}

export interface ResponseSpec {
  status: string;
  media: MediaSpec[];
}

export interface Operation {
  document: string;
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  parameters: ParameterSpec[];
  requestBody: { required: boolean; media: MediaSpec[] } | undefined;
  responses: ResponseSpec[];
  /** Names of the security schemes that can authorize this call; empty means public. */
  security: string[];
  /** `METHOD /path (operationId)`, how every report line names the operation. */
  label: string;
  /** The operation's `x-` extension fields. */
  extensions: Record<string, unknown>;
}

type Raw = Record<string, unknown>;

function firstExample(node: Raw): { hasExample: boolean; example: unknown } {
  if ("example" in node) return { hasExample: true, example: node.example };
  const examples = node.examples as Record<string, Raw> | undefined;
  const first = examples && Object.values(examples)[0];
  if (first && "value" in first) return { hasExample: true, example: first.value };
  return { hasExample: false, example: undefined };
}

function mediaOf(doc: unknown, content: unknown): MediaSpec[] {
  if (!content || typeof content !== "object") return [];
  return Object.entries(content as Record<string, Raw>).map(([type, rawMedia]) => {
    const media = deref(doc, rawMedia);
    return { type, schema: media.schema as JsonSchema | undefined, ...firstExample(media) };
  });
}

function parameterOf(doc: unknown, raw: unknown): ParameterSpec {
  const p = deref(doc, raw) as Raw;
  const schema = p.schema as JsonSchema | undefined;
  let ex = firstExample(p);
  if (!ex.hasExample && schema) {
    const resolved = deref(doc, schema);
    if (Array.isArray(resolved.examples) && resolved.examples.length)
      ex = { hasExample: true, example: resolved.examples[0] };
    else if ("example" in resolved) ex = { hasExample: true, example: resolved.example };
  }
  return {
    name: String(p.name),
    in: p.in as ParameterSpec["in"],
    required: Boolean(p.required) || p.in === "path",
    schema,
    ...ex,
  };
}

export function listOperations(loaded: LoadedDocument): Operation[] {
  const { doc, name } = loaded;
  const operations: Operation[] = [];
  const globalSecurity = doc.security;
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem as Raw);
    const shared = ((item.parameters as unknown[]) ?? []).map((p) => parameterOf(doc, p));
    for (const method of HTTP_METHODS) {
      const op = item[method] as Raw | undefined;
      if (!op) continue;
      const own = ((op.parameters as unknown[]) ?? []).map((p) => parameterOf(doc, p));
      const parameters = [
        ...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)),
        ...own,
      ];
      let requestBody: Operation["requestBody"];
      if (op.requestBody) {
        const body = deref(doc, op.requestBody as Raw);
        requestBody = { required: Boolean(body.required), media: mediaOf(doc, body.content) };
      }
      const responses = Object.entries((op.responses as Record<string, unknown>) ?? {}).map(
        ([status, raw]) => ({ status, media: mediaOf(doc, deref(doc, raw as Raw).content) }),
      );
      const security = (op.security ?? globalSecurity ?? []) as Array<Record<string, unknown>>;
      const operationId = String(op.operationId ?? `${method}${path}`);
      operations.push({
        document: name,
        method: method.toUpperCase(),
        path,
        operationId,
        summary: String(op.summary ?? ""),
        tags: (op.tags as string[]) ?? [],
        parameters,
        requestBody,
        responses,
        security: security.flatMap((requirement) => Object.keys(requirement)),
        label: `${method.toUpperCase()} ${path} (${operationId})`,
        extensions: Object.fromEntries(Object.entries(op).filter(([k]) => k.startsWith("x-"))),
      });
    }
  }
  return operations;
}

/** The documented response for a status: exact, then `4XX`-style ranges, then `default`. */
export function findResponse(op: Operation, status: number): ResponseSpec | undefined {
  const exact = op.responses.find((r) => r.status === String(status));
  if (exact) return exact;
  const range = op.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`);
  return range ?? op.responses.find((r) => r.status === "default");
}

export function documentedStatuses(op: Operation): string[] {
  return op.responses.map((r) => r.status);
}
