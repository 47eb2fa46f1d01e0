// RFC 8785 JSON Canonicalization Scheme. Strings and numbers serialize exactly as ECMAScript's
// JSON.stringify does (which is what RFC 8785 specifies); object keys sort by UTF-16 code units.
// Input must be I-JSON (RFC 8785 §3.1): strings with lone surrogates are refused, and so is
// anything that is not plain JSON data (a Date or a class instance would silently become "{}").

const LONE_SURROGATE = /\p{Surrogate}/u;

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
      if (LONE_SURROGATE.test(value)) throw new CanonicalizationError(`${path}: lone surrogate`);
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalizationError(`${path}: non-finite number`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        // Array.from turns holes into undefined, which (like JSON.stringify) becomes null.
        return (
          "[" +
          Array.from(value, (v, i) => serialize(v === undefined ? null : v, `${path}[${i}]`)).join(
            ",",
          ) +
          "]"
        );
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalizationError(
          `${path}: not a plain object (${proto?.constructor?.name})`,
        );
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      for (const k of keys) {
        if (LONE_SURROGATE.test(k))
          throw new CanonicalizationError(`${path}: lone surrogate in a key`);
      }
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
