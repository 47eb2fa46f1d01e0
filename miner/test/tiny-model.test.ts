// The generated offline model: deterministic bytes, the exact llama hyperparameters the issue
// asks for, an SPM vocabulary llama.cpp can segment into whole words, and it loads.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLlama, readGgufFileInfo } from "node-llama-cpp";
import { buildTinyModel, ensureTinyModel, TINY_MODEL_LABEL } from "../src/index.js";
import { WORDS } from "../src/model/tiny-vocab.js";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "aitbc-tiny-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tiny model generator", () => {
  it("produces the same bytes every time", () => {
    const a = buildTinyModel();
    const b = buildTinyModel();
    expect(sha256(a)).toBe(sha256(b));
    expect(a.subarray(0, 4).toString("ascii")).toBe("GGUF");
    expect(a.readUInt32LE(4)).toBe(3);
    // About 650 KB: 2 blocks of 64-wide F32 weights plus embeddings for ~630 tokens.
    expect(a.length).toBeGreaterThan(600_000);
    expect(a.length).toBeLessThan(720_000);
  });

  it("describes a 2-block llama with the requested shape, read back by an independent parser", async () => {
    const file = await ensureTinyModel(join(dir, "shape.gguf"));
    const info = await readGgufFileInfo(file.path, { readTensorInfo: true });
    const meta = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(meta.general!.architecture).toBe("llama");
    expect(String(meta.general!.name)).toContain(TINY_MODEL_LABEL);
    expect(meta.llama).toMatchObject({
      context_length: 256,
      embedding_length: 64,
      block_count: 2,
      feed_forward_length: 128,
      attention: { head_count: 4, head_count_kv: 4 },
      rope: { dimension_count: 16 },
    });
    const tokenizer = (meta.tokenizer as { ggml: Record<string, unknown> }).ggml;
    expect(tokenizer.model).toBe("llama");
    const tokens = tokenizer.tokens as string[];
    const types = tokenizer.token_type as number[];
    expect(tokens.slice(0, 3)).toEqual(["<unk>", "<s>", "</s>"]);
    for (let b = 0; b < 256; b++) {
      expect(tokens[3 + b]).toBe(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
      expect(types[3 + b]).toBe(6); // BYTE
    }
    const vocab = new Set(tokens);
    for (const word of WORDS) {
      const piece = "\u2581" + word;
      for (let i = 1; i <= piece.length; i++) expect(vocab.has(piece.slice(0, i))).toBe(true);
    }
    expect(info.tensorInfo?.every((t) => t.ggmlType === 0)).toBe(true); // all F32
    expect(info.tensorInfo?.length).toBe(3 + 2 * 9);
  });

  it("writes the file once and replaces a damaged copy", async () => {
    const path = join(dir, "cache", "aitbc-tiny.gguf");
    const first = await ensureTinyModel(path);
    expect(first.digest).toBe("sha256:" + sha256(buildTinyModel()));
    const mtime = (await stat(path)).mtimeMs;
    const again = await ensureTinyModel(path);
    expect(again.digest).toBe(first.digest);
    expect((await stat(path)).mtimeMs).toBe(mtime);

    await writeFile(path, "truncated");
    const repaired = await ensureTinyModel(path);
    expect(repaired.digest).toBe(first.digest);
    expect(sha256(await readFile(path))).toBe(first.digest.slice("sha256:".length));
  });

  it("loads in node-llama-cpp (prebuilt CPU binary) and segments words into single tokens", async () => {
    const file = await ensureTinyModel(join(dir, "load.gguf"));
    const llama = await getLlama({ gpu: false, build: "never" });
    const model = await llama.loadModel({ modelPath: file.path });
    try {
      expect(model.trainContextSize).toBe(256);
      const tokens = model.tokenize("the river stone");
      expect(tokens.map((t) => model.detokenize([t]).trim())).toEqual(["the", "river", "stone"]);
      // Characters outside the vocabulary fall back to byte tokens and survive a round trip.
      expect(model.detokenize(model.tokenize("Grüße, AITBC €5"))).toBe("Grüße, AITBC €5");
    } finally {
      await model.dispose();
    }
  });
});
