// The shortest deterministic string matching a regular expression from a schema's `pattern`,
// for the subset schemas use: literals, escapes (\d \w \s \.), classes ([a-f0-9_-], [^...]),
// groups with alternation (the first branch wins), `.`, anchors and the quantifiers ? * + {n,m}.
// `extra` repeats open-ended quantifiers more often, to reach a minLength.

interface Cursor {
  source: string;
  at: number;
}

const CLASS_ESCAPES: Record<string, string> = { d: "0", w: "a", s: " ", D: "a", W: "-", S: "a" };

export function sampleFromPattern(pattern: string, extra = 0): string {
  const cursor: Cursor = { source: pattern, at: 0 };
  return alternation(cursor, extra);
}

function alternation(c: Cursor, extra: number): string {
  const first = sequence(c, extra);
  // Later branches are parsed (to move past them) but not used.
  while (c.source[c.at] === "|") {
    c.at++;
    sequence(c, extra);
  }
  return first;
}

function sequence(c: Cursor, extra: number): string {
  let out = "";
  while (c.at < c.source.length && c.source[c.at] !== "|" && c.source[c.at] !== ")") {
    const atom = readAtom(c, extra);
    const [min, open] = readQuantifier(c);
    const count = open ? min + extra : min;
    for (let i = 0; i < count; i++) out += atom;
  }
  return out;
}

function readAtom(c: Cursor, extra: number): string {
  const ch = c.source[c.at++]!;
  switch (ch) {
    case "^":
    case "$":
      return "";
    case ".":
      return "a";
    case "\\":
      return escapeChar(c.source[c.at++] ?? "");
    case "[":
      return readClass(c);
    case "(": {
      if (c.source.startsWith("?:", c.at)) c.at += 2;
      else if (c.source.startsWith("?<", c.at)) c.at = c.source.indexOf(">", c.at) + 1;
      const inner = alternation(c, extra);
      if (c.source[c.at] === ")") c.at++;
      return inner;
    }
    default:
      return ch;
  }
}

function escapeChar(ch: string): string {
  if (ch in CLASS_ESCAPES) return CLASS_ESCAPES[ch]!;
  if (ch === "n") return "\n";
  if (ch === "t") return "\t";
  return ch;
}

function readClass(c: Cursor): string {
  const negated = c.source[c.at] === "^";
  if (negated) c.at++;
  const members: Array<[string, string]> = [];
  let first = true;
  while (c.at < c.source.length && (c.source[c.at] !== "]" || first)) {
    first = false;
    let lo = c.source[c.at++]!;
    if (lo === "\\") lo = escapeChar(c.source[c.at++] ?? "");
    let hi = lo;
    if (c.source[c.at] === "-" && c.source[c.at + 1] !== "]" && c.at + 1 < c.source.length) {
      c.at++;
      hi = c.source[c.at++]!;
      if (hi === "\\") hi = escapeChar(c.source[c.at++] ?? "");
    }
    members.push([lo, hi]);
  }
  c.at++; // ]
  if (!negated) return members[0]?.[0] ?? "a";
  const inClass = (ch: string) => members.some(([lo, hi]) => ch >= lo && ch <= hi);
  return ["a", "0", "A", "_", "-", "x"].find((ch) => !inClass(ch)) ?? "~";
}

/** Returns [minimum repetitions, whether more are allowed]. */
function readQuantifier(c: Cursor): [number, boolean] {
  const ch = c.source[c.at];
  let result: [number, boolean] = [1, false];
  if (ch === "?") result = [0, false];
  else if (ch === "*") result = [0, true];
  else if (ch === "+") result = [1, true];
  else if (ch === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(c.source.slice(c.at));
    if (m) {
      c.at += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      skipLazy(c);
      return [min, max > min];
    }
    return result;
  } else return result;
  c.at++;
  skipLazy(c);
  return result;
}

function skipLazy(c: Cursor): void {
  if (c.source[c.at] === "?" || c.source[c.at] === "+") c.at++;
}
