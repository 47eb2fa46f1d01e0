// The tiny model's SentencePiece (SPM) vocabulary, as llama.cpp's "llama" tokenizer expects it:
// <unk>/<s>/</s>, the 256 byte-fallback tokens, single characters, and `▁word` pieces. llama.cpp
// builds a word by merging adjacent pieces whose concatenation is a token, so every prefix of
// every `▁word` is a token too (▁, ▁w, ▁wo, ▁wor, ▁word); otherwise the word could never form.
import { TINY_CHARACTERS, TINY_SPACE_PIECE, TINY_WORDS } from "@aitbc/sdk";

/** llama.cpp token types (llama_token_type / gguf TokenType). */
export const TokenType = {
  normal: 1,
  unknown: 2,
  control: 3,
  userDefined: 4,
  unused: 5,
  byte: 6,
} as const;

// The lists come from the SDK's tokenizer of this model, so that the coordinator's re-count of
// billed tokens uses the vocabulary the model was built with.
export const SPACE_PIECE = TINY_SPACE_PIECE;
const CHARACTERS = TINY_CHARACTERS;

/** Words the model can emit whole; their prefixes come along. */
export const WORDS: readonly string[] = TINY_WORDS;

export interface Vocabulary {
  tokens: string[];
  scores: Float32Array;
  types: Int32Array;
  unkId: number;
  bosId: number;
  eosId: number;
  /** Ids of whole `▁word` tokens (not just prefixes): the output layer favours them. */
  wordIds: Set<number>;
}

export function buildVocabulary(): Vocabulary {
  const tokens: string[] = [];
  const types: number[] = [];
  const add = (piece: string, type: number) => {
    tokens.push(piece);
    types.push(type);
  };
  add("<unk>", TokenType.unknown);
  add("<s>", TokenType.control);
  add("</s>", TokenType.control);
  for (let b = 0; b < 256; b++) {
    add(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`, TokenType.byte);
  }
  add(SPACE_PIECE, TokenType.normal);
  for (const ch of CHARACTERS) add(ch, TokenType.normal);

  const pieces = new Set<string>();
  for (const word of WORDS) {
    const full = SPACE_PIECE + word;
    for (let i = 2; i <= full.length; i++) pieces.add(full.slice(0, i));
  }
  // Shorter pieces first, then alphabetical, so the order never depends on the word list order.
  const sorted = [...pieces].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const piece of sorted) add(piece, TokenType.normal);

  const index = new Map(tokens.map((t, i) => [t, i]));
  if (index.size !== tokens.length) throw new Error("duplicate token in the tiny vocabulary");

  // SentencePiece-style scores: control and byte tokens 0, normal pieces a falling log-prob-like
  // value in vocabulary order. With only left-extending `▁` merges, any order gives the same
  // segmentation; the scores just have to be well-formed.
  const scores = new Float32Array(tokens.length);
  let rank = 0;
  types.forEach((type, i) => {
    if (type === TokenType.normal) scores[i] = -rank++;
  });

  const wordIds = new Set(WORDS.map((w) => index.get(SPACE_PIECE + w)!));
  return {
    tokens,
    scores,
    types: Int32Array.from(types),
    unkId: 0,
    bosId: 1,
    eosId: 2,
    wordIds,
  };
}
