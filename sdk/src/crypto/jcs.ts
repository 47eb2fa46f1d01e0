// RFC 8785 JSON Canonicalization Scheme. Strings and numbers serialize exactly as ECMAScript's
// JSON.stringify does (which is what RFC 8785 specifies); object keys sort by UTF-16 code units.

export class CanonicalizationError extends TypeError {}

export function canonicalize(value: unknown): string {
  return serialize(value, "$");
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

function serialize(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalizationError(`${path}: non-finite number`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return (
          "[" +
          value.map((v, i) => serialize(v === undefined ? null : v, `${path}[${i}]`)).join(",") +
          "]"
        );
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return (
        "{" +
        keys.map((k) => JSON.stringify(k) + ":" + serialize(record[k], `${path}.${k}`)).join(",") +
        "}"
      );
    }
    default:
      throw new CanonicalizationError(`${path}: cannot canonicalize a ${typeof value}`);
  }
}
