// What answers at a URL: a Prism mock, a Prism proxy in front of an implementation, or an
// implementation. Prism answers an unknown path with its own problem type
// (https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR) whether it mocks or proxies; an
// implementation answers with ours. To tell a mock from a proxy, one secured operation is called
// with a key nobody issued: a mock only checks that a key is there and answers from its examples
// (2xx), while behind a proxy the implementation refuses the key.
import { randomUUID } from "node:crypto";
import { send } from "../contract/http-exchange.js";
import { buildValidRequest } from "../contract/valid-request.js";
import { DocumentValidator } from "../schema/validator.js";
import type { LoadedDocument } from "../spec/documents.js";
import { listOperations, type Operation } from "../spec/operations.js";

export type TargetMode = "mock" | "proxy" | "real";

export const PROBE_PATH = "/__aitbc_conformance_probe__";
export const PRISM_ERROR_TYPE = "https://stoplight.io/prism/errors#";

/** Whether Prism (mock or proxy) answers at the URL. */
export async function servedByPrism(baseUrl: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const response = await fetch(baseUrl.replace(/\/+$/, "") + PROBE_PATH, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return text.includes(PRISM_ERROR_TYPE);
  } catch {
    return false;
  }
}

/** The secured operation to probe with: a GET if there is one, with as few parameters as possible. */
function probeOperation(loaded: LoadedDocument): Operation | undefined {
  const required = (op: Operation) => op.parameters.filter((p) => p.required).length;
  return listOperations(loaded)
    .filter((op) => op.security.length > 0)
    .sort(
      (a, b) =>
        Number(a.method !== "GET") - Number(b.method !== "GET") ||
        Number(Boolean(a.requestBody)) - Number(Boolean(b.requestBody)) ||
        required(a) - required(b),
    )[0];
}

export interface DetectedTarget {
  mode: TargetMode;
  /** How it was decided, for the report header. */
  how: string;
}

/**
 * Decides how to treat the service at `baseUrl`. Without a secured operation in its document a
 * Prism server cannot be told apart and counts as a mock (pass --via-proxy to say otherwise).
 */
export async function detectTarget(
  baseUrl: string,
  loaded: LoadedDocument | undefined,
  timeoutMs = 5_000,
): Promise<DetectedTarget> {
  if (!(await servedByPrism(baseUrl, timeoutMs)))
    return { mode: "real", how: "answers unknown paths itself" };
  const op = loaded && probeOperation(loaded);
  if (!op) return { mode: "mock", how: "Prism; no secured operation to tell mock from proxy" };
  const validator = new DocumentValidator(loaded.name, loaded.doc);
  const { request } = buildValidRequest(loaded.doc, validator, op, {
    apiKey: `conformance-unissued-key-${randomUUID()}`,
  });
  try {
    const exchange = await send(baseUrl, request, timeoutMs);
    return exchange.status >= 200 && exchange.status < 300
      ? { mode: "mock", how: `Prism; ${op.label} accepted an unissued key` }
      : { mode: "proxy", how: `Prism; ${op.label} refused an unissued key (${exchange.status})` };
  } catch {
    return { mode: "mock", how: "Prism; the probe got no answer" };
  }
}
