// Answers that Prism itself made instead of the implementation behind it. In proxy mode with
// --errors Prism refuses a request that breaks the spec before forwarding it (422
// UNPROCESSABLE_ENTITY, 401 UNAUTHORIZED, 415 INVALID_CONTENT_TYPE), and replaces a response that
// breaks the spec with 500 VIOLATIONS. Its problems carry a Prism `type` and no AITBC `code`.
import { PRISM_ERROR_TYPE } from "../mock/detect-target.js";
import type { HttpExchange } from "./http-exchange.js";

export interface PrismAnswer {
  /** Prism's error name, for example UNPROCESSABLE_ENTITY. */
  error: string;
  /** `request`: refused before forwarding; `response`: the upstream's answer broke the spec. */
  about: "request" | "response" | "other";
  /** Prism's validation messages, shortened for one report line. */
  details: string;
}

const REQUEST_ERRORS = new Set(["UNPROCESSABLE_ENTITY", "UNAUTHORIZED", "INVALID_CONTENT_TYPE"]);

interface PrismProblem {
  type?: unknown;
  detail?: unknown;
  validation?: Array<{ location?: unknown; message?: unknown }>;
}

export function prismAnswer(exchange: HttpExchange): PrismAnswer | undefined {
  if (exchange.contentType !== "application/problem+json") return undefined;
  let body: PrismProblem;
  try {
    body = JSON.parse(exchange.text) as PrismProblem;
  } catch {
    return undefined;
  }
  if (typeof body?.type !== "string" || !body.type.startsWith(PRISM_ERROR_TYPE)) return undefined;
  const error = body.type.slice(PRISM_ERROR_TYPE.length);
  const about = REQUEST_ERRORS.has(error)
    ? "request"
    : error === "VIOLATIONS"
      ? "response"
      : "other";
  const messages = (body.validation ?? []).slice(0, 3).map((v) => {
    const at = Array.isArray(v.location) ? v.location.join(".") : "";
    return `${at} ${String(v.message ?? "")}`.trim();
  });
  const details = messages.length ? messages.join("; ") : String(body.detail ?? "");
  return { error, about, details };
}
