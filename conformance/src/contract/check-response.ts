// Is a response one the operation documents? Its status must be listed, its content type must be
// one of that status's media types, and its body must validate against that media type's schema.
import type { DocumentValidator } from "../schema/validator.js";
import { documentedStatuses, findResponse, type Operation } from "../spec/operations.js";
import { isJsonMediaType, type HttpExchange } from "./http-exchange.js";

export interface ResponseCheck {
  ok: boolean;
  /** Why it failed, or what matched. */
  detail: string;
  /** The parsed JSON body, when there was one. */
  body?: unknown;
}

export function checkResponse(
  op: Operation,
  validator: DocumentValidator,
  exchange: HttpExchange,
): ResponseCheck {
  const { status, contentType, text } = exchange;
  const documented = findResponse(op, status);
  if (!documented) {
    return fail(
      `status ${status} is not documented (documented: ${documentedStatuses(op).join(", ")})${snippet(text)}`,
    );
  }
  if (documented.media.length === 0) {
    return text.length === 0
      ? { ok: true, detail: `${status} with no body, as documented` }
      : fail(`${status} is documented without a body but one was sent${snippet(text)}`);
  }
  const media = documented.media.find((m) => mediaMatches(m.type, contentType));
  if (!media) {
    const expected = documented.media.map((m) => m.type).join(", ");
    return fail(`${status} came as ${contentType ?? "no content type"}, documented: ${expected}`);
  }
  let body: unknown = text;
  if (isJsonMediaType(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      return fail(`${status} ${contentType} body is not JSON${snippet(text)}`);
    }
  }
  if (!media.schema) return { ok: true, detail: `${status} ${contentType}`, body };
  const result = validator.validate(media.schema, body);
  if (!result.valid) {
    return {
      ok: false,
      detail: `${status} ${contentType} body does not match the schema: ${result.errors.join("; ")}`,
      body,
    };
  }
  return { ok: true, detail: `${status} ${contentType} matches the schema`, body };
}

function mediaMatches(documented: string, actual: string | undefined): boolean {
  if (!actual) return false;
  const doc = documented.split(";")[0]!.trim().toLowerCase();
  if (doc === actual || doc === "*/*") return true;
  return doc.endsWith("/*") && actual.startsWith(doc.slice(0, -1));
}

function fail(detail: string): ResponseCheck {
  return { ok: false, detail };
}

function snippet(text: string): string {
  if (!text) return "";
  const flat = text.replace(/\s+/g, " ");
  return `: ${flat.length > 160 ? flat.slice(0, 160) + "…" : flat}`;
}
