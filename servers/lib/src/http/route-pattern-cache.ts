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
  // One map per combination of the two flags the validator passes, so a lookup builds no key.
  const byFlags = [0, 1, 2, 3].map(() => new Map<string, PathRegexp>());
  const memoized: PathToRegexp = (path, options) => {
    const flags = flagIndex(path, options);
    if (flags === undefined) return original(path, options);
    const compiled = byFlags[flags]!;
    let hit = compiled.get(path as string);
    if (!hit) {
      hit = original(path, options);
      if (compiled.size >= MAX_PATTERNS) compiled.clear();
      compiled.set(path as string, hit);
    }
    return hit;
  };
  (memoized as unknown as Record<symbol, boolean>)[MEMOIZED] = true;
  lib.pathToRegexp = memoized;
}

/**
 * 0–3 for a string pattern whose options are at most `sensitive` and `strict` (booleans or
 * absent), the only options the validator passes; undefined for anything else (not cached).
 */
function flagIndex(
  path: unknown,
  options: Record<string, unknown> | undefined,
): number | undefined {
  if (typeof path !== "string") return undefined;
  let flags = 0;
  for (const name in options) {
    const bit = name === "sensitive" ? 1 : name === "strict" ? 2 : 0;
    const value = options[name];
    if (bit === 0 || (value !== undefined && typeof value !== "boolean")) return undefined;
    if (value) flags |= bit;
  }
  return flags;
}
