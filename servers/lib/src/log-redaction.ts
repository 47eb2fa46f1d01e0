// API keys must never reach a log line. Request lines drop them structurally (request-log.ts);
// this is the last net under every line a service logger writes, for keys that arrive some other
// way (an error message quoting a URL, an object that holds a caller).

export const REDACTED = "[REDACTED]";

/** Object paths pino censors before serializing. */
export const REDACT_PATHS = [
  'req.headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'headers["x-api-key"]',
  "headers.authorization",
  "apiKey",
  "api_key",
  "*.apiKey",
  "*.api_key",
];

const QUERY_VALUE = /(\bapi[_-]?key(?:=|%3D))[^&\s"'#\\]*/gi;
const JSON_FIELD = /("(?:x-api-key|api_key|apiKey|authorization)"\s*:\s*")(?:[^"\\]|\\.)*"/gi;
// Keys made by generateApiKey (`ak_<role>_…`) and the stack's admin key (`aitbc_admin_…`).
const KEY_SHAPED = /\b(?:ak_[a-z]+|aitbc_admin)_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g;

/** The text with every API key it can recognise replaced by [REDACTED]. */
export function redactSecrets(text: string): string {
  return text
    .replace(QUERY_VALUE, `$1${REDACTED}`)
    .replace(JSON_FIELD, `$1${REDACTED}"`)
    .replace(KEY_SHAPED, REDACTED);
}

/** A request URL with the value of any `api_key` query parameter replaced. */
export function redactUrl(url: string): string {
  return url.includes("?") ? url.replace(QUERY_VALUE, `$1${REDACTED}`) : url;
}
