// The fenced code blocks of a Markdown document, so tests run the very code the docs show.

export interface CodeBlock {
  /** The info string's first word (`js`, `sh`, …). */
  lang: string;
  /** The info string's second word, when the block names a file (```js hello.mjs). */
  title: string | undefined;
  code: string;
}

/** Blocks in document order, optionally only those of one language (and file name). */
export function codeBlocks(markdown: string, lang?: string, title?: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^(`{3,}|~{3,})[ \t]*([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const m of markdown.matchAll(fence)) {
    const [first = "", second] = m[2]!.trim().split(/\s+/);
    blocks.push({ lang: first, title: second, code: m[3]! });
  }
  return blocks.filter(
    (b) => (lang === undefined || b.lang === lang) && (title === undefined || b.title === title),
  );
}
