// One HTTP request and its response, captured for checking. Plain fetch: the contract level talks
// to the implementation exactly as a client would, and must be able to send invalid requests.

export interface BuiltRequest {
  method: string;
  /** The path with parameters filled in and encoded. */
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** A JSON value to send as the body (serialized with JSON.stringify). */
  body?: unknown;
  hasBody: boolean;
}

export interface HttpExchange {
  request: BuiltRequest;
  url: string;
  status: number;
  /** The media type without parameters, lower-cased; undefined when absent. */
  contentType: string | undefined;
  headers: Headers;
  text: string;
}

export function requestUrl(baseUrl: string, request: BuiltRequest): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + request.path);
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  return url.toString();
}

export async function send(
  baseUrl: string,
  request: BuiltRequest,
  timeoutMs = 30_000,
): Promise<HttpExchange> {
  const url = requestUrl(baseUrl, request);
  const headers = new Headers(request.headers);
  if (request.hasBody && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  if (!headers.has("accept")) headers.set("accept", "application/json, application/problem+json");
  const response = await fetch(url, {
    method: request.method,
    headers,
    body: request.hasBody ? JSON.stringify(request.body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const rawType = response.headers.get("content-type");
  return {
    request,
    url,
    status: response.status,
    contentType: rawType ? rawType.split(";")[0]!.trim().toLowerCase() : undefined,
    headers: response.headers,
    text,
  };
}

export function isJsonMediaType(type: string | undefined): boolean {
  return Boolean(type && (type === "application/json" || /^[a-z]+\/[^;]*\+json$/.test(type)));
}
