// express-openapi-validator (5.6.2, pinned exactly) parses media types for every request and
// every response: the request's Content-Type for the request and response validators' cache
// keys, then each media type of the operation's response and the Accept values to pick the
// response's schema (regexps, splits, a sorted parameter list each time). The inputs come from a
// handful of strings (our spec's media types and what clients send), and the results are only
// read, so they are kept: parsed media types by their text, normalized forms per parsed type,
// and the chosen response media type per (accepted, offered) pair. Bounded, so a client sending
// ever new Content-Type values cannot grow them without limit.
import { patchValidatorModule } from "./validator-internals.js";

const MAX_ENTRIES = 256;

interface ContentTypeClass {
  new (text?: string): ParsedType;
  from(req: { headers: Record<string, unknown> }): ParsedType;
  fromString(text?: string): ParsedType;
  prototype: ParsedType;
}
interface ParsedType {
  normalize(excludeParams?: string[]): string | undefined;
}
interface ValidatorUtil {
  ContentType: ContentTypeClass;
  findResponseContent(accepts: string[], expectedTypes: string[]): string | null;
}

/** A Map that forgets everything when it reaches MAX_ENTRIES (the working set is tiny). */
function remember<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  const value = make();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** Installs the memoized media type handling into express-openapi-validator (once per process). */
export function memoizeValidatorContentTypes(): void {
  patchValidatorModule<ValidatorUtil>("./middlewares/util.js", "contentTypes", install);
}

function install(util: ValidatorUtil): void {
  const { ContentType } = util;

  const parsed = new Map<string | undefined, ParsedType>();
  const parse = (text: unknown) => {
    const key = typeof text === "string" ? text : undefined;
    return remember(parsed, key, () => new ContentType(key));
  };
  ContentType.from = (req) => parse(req.headers["content-type"]);
  ContentType.fromString = (text) => parse(text);

  const normalize = ContentType.prototype.normalize;
  const normalized = new WeakMap<ParsedType, string | undefined>();
  ContentType.prototype.normalize = function (this: ParsedType, ...args: [string[]?]) {
    if (args.length > 0) return normalize.apply(this, args);
    if (!normalized.has(this)) normalized.set(this, normalize.call(this));
    return normalized.get(this);
  };

  const find = util.findResponseContent;
  const chosen = new Map<string, string | null>();
  util.findResponseContent = (accepts, expectedTypes) =>
    remember(chosen, `${accepts.join("\n")}\u0000${expectedTypes.join("\n")}`, () =>
      find(accepts, expectedTypes),
    );
}
