// The tokenizer of the offline model `aitbc-tiny:latest`, so that a coordinator can re-count the
// tokens a miner bills for. The miner builds the model's GGUF vocabulary from the same lists, so
// the two cannot drift: `<unk>`/`<s>`/`</s>`, 256 byte-fallback tokens, the single characters
// below, `▁` and every prefix of every `▁word`.

export const TINY_TOKENIZER_MODEL = "aitbc-tiny:latest";

/** SentencePiece's marker for a preceding space. */
export const TINY_SPACE_PIECE = "\u2581";

/** The characters that are tokens of their own. */
export const TINY_CHARACTERS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + ".,!?'\"-:;()/&%+=*#@_";

/** Words the model can emit whole; their prefixes come along. */
export const TINY_WORDS: readonly string[] = (
  "the then them there these they this that time tree true turn to two test tell a an and are " +
  "as at all air art be been big but by boy can call come cat day do down dog each end eye far " +
  "find first for from get go good great had has have he her here him his home how hot i if in " +
  "into is it just keep kind know land last light like line long look made make man many may me " +
  "more my name near new no not now of old on one or our out over part place play point red read " +
  "river run said sea see she side small so some stone sun take water way we well went what when " +
  "who will with word work world you hello model"
).split(" ");

let pieces: Set<string> | undefined;
const characters = new Set(TINY_CHARACTERS);

function wordPieces(): Set<string> {
  if (!pieces) {
    pieces = new Set();
    for (const word of TINY_WORDS) {
      const full = TINY_SPACE_PIECE + word;
      for (let i = 1; i <= full.length; i++) pieces.add(full.slice(0, i));
    }
  }
  return pieces;
}

/**
 * How many tokens the tiny model's tokenizer makes of `text` (no BOS). Its SentencePiece merges
 * can only grow a `▁` piece to the right, and every prefix of a word piece is a piece, so the
 * merge order does not matter: each space starts a piece that takes the longest run of following
 * characters it can; every other character is one token, or one per UTF-8 byte when it is not in
 * the vocabulary (byte fallback). A generation that emits a word in pieces uses more tokens than
 * this count, which is why it is the count that is billed.
 */
export function countTinyTokens(text: string): number {
  const known = wordPieces();
  const chars = [...text.replaceAll(" ", TINY_SPACE_PIECE)];
  let count = 0;
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (ch === TINY_SPACE_PIECE) {
      let piece = ch;
      let j = i + 1;
      while (j < chars.length && known.has(piece + chars[j]!)) piece += chars[j++]!;
      count++;
      i = j;
    } else {
      count += characters.has(ch) ? 1 : new TextEncoder().encode(ch).length;
      i++;
    }
  }
  return count;
}

/** The token counter of a model the SDK knows the tokenizer of, else undefined. */
export function tokenCounterFor(model: string): ((text: string) => number) | undefined {
  return model === TINY_TOKENIZER_MODEL ? countTinyTokens : undefined;
}
