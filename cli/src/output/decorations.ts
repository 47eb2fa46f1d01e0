// Whether the human output keeps its emoji. People at a terminal get them; pipes, logs and
// NO_COLOR (https://no-color.org) get plain words, because a ✅ in a grep or a CI log is noise
// and some terminals draw it as a box. Asking explicitly (`--emoji`, AITBC_EMOJI=1) wins.

export function wantsDecorations(options: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdoutIsTerminal: boolean;
}): boolean {
  if (options.argv.includes("--emoji") || options.env.AITBC_EMOJI === "1") return true;
  if (options.env.NO_COLOR) return false;
  return options.stdoutIsTerminal;
}

// A pictograph, its variation selector, and the space that separated it from the word it marks.
const PICTOGRAPH = /\p{Extended_Pictographic}\uFE0F?[ ]?/gu;

/** The text without emoji: "✅ ok" becomes "ok"; other symbols (★, →, •) stay. */
export function undecorate(text: string): string {
  return text.replace(PICTOGRAPH, "").replace(/^( *)[ ]+(?=\S)/gm, "$1");
}
