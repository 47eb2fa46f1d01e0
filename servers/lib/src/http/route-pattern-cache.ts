// express-openapi-validator (5.6.2) finds a request's operation by compiling each route pattern of
// the spec with path-to-regexp's pathToRegexp, for every request, until one matches: about 2 µs
// per route, so 40 µs for a route late in a 25-path spec. The patterns and options never change,
// so a compiled pattern is kept and handed out again. Its RegExp has no g or y flag, so exec()
// keeps no state between calls, and the validator only reads the keys. The validator is the
// only caller of pathToRegexp in the server (Express's router uses match()).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface PathRegexp {
  regexp: RegExp;
  keys: unknown[];
}
type PathToRegexp = (path: unknown, options?: Record<string, unknown>) => PathRegexp;

const MEMOIZED = Symbol.for("aitbc.pathToRegexp.memoized");
const MAX_PATTERNS = 1000;

/** Makes the path-to-regexp that express-openapi-validator uses keep compiled patterns. */
export function cacheValidatorRoutePatterns(): void {
  const fromValidator = createRequire(require.resolve("express-openapi-validator"));
  const lib = fromValidator("path-to-regexp") as { pathToRegexp: PathToRegexp };
  const original = lib.pathToRegexp;
  if ((original as unknown as Record<symbol, boolean>)[MEMOIZED]) return;
  const compiled = new Map<string, PathRegexp>();
  const memoized: PathToRegexp = (path, options) => {
    const key = cacheKey(path, options);
    if (key === undefined) return original(path, options);
    let hit = compiled.get(key);
    if (!hit) {
      hit = original(path, options);
      if (compiled.size >= MAX_PATTERNS) compiled.clear();
      compiled.set(key, hit);
    }
    return hit;
  };
  (memoized as unknown as Record<symbol, boolean>)[MEMOIZED] = true;
  lib.pathToRegexp = memoized;
}

/**
 * A key for a string pattern with primitive options (in the order the caller wrote them, which
 * is the same on every call from one place); undefined for anything else (not cached).
 */
function cacheKey(path: unknown, options: Record<string, unknown> | undefined): string | undefined {
  if (typeof path !== "string") return undefined;
  let key = path;
  for (const name in options) {
    const value = options[name];
    if (value !== undefined && typeof value !== "boolean" && typeof value !== "string")
      return undefined;
    key += `\u0000${name}=${String(value)}`;
  }
  return key;
}
