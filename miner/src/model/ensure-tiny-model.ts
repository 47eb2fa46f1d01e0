// Writes the tiny model on first use. The weights are never committed: they are rebuilt from the
// generator, and a file already on disk is reused only when its bytes are exactly what the
// generator produces (a stale or truncated file is replaced).
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTinyModel } from "./tiny-model.js";

export interface ModelFile {
  path: string;
  /** `sha256:<hex>` of the file: the model digest that receipts carry. */
  digest: string;
  sizeBytes: number;
}

/** miner/models/aitbc-tiny.gguf next to the package (git-ignored). */
export function defaultTinyModelPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "models", "aitbc-tiny.gguf");
}

export function fileDigest(bytes: Uint8Array): string {
  return "sha256:" + createHash("sha256").update(bytes).digest("hex");
}

/**
 * Makes sure the tiny model is on disk at `path` and returns it. When `path` cannot be written
 * (a read-only install, e.g. under systemd's ProtectSystem=strict) and a `fallbackPath` is given,
 * the model goes there instead.
 */
export async function ensureTinyModel(
  path: string = defaultTinyModelPath(),
  fallbackPath?: string,
): Promise<ModelFile> {
  const bytes = buildTinyModel();
  try {
    return await writeIfDifferent(path, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!fallbackPath || !["EACCES", "EROFS", "EPERM"].includes(code ?? "")) throw err;
    return writeIfDifferent(fallbackPath, bytes);
  }
}

async function writeIfDifferent(path: string, bytes: Buffer): Promise<ModelFile> {
  const digest = fileDigest(bytes);
  const existing = await readFile(path).catch(() => undefined);
  if (existing && existing.length === bytes.length && fileDigest(existing) === digest) {
    return { path, digest, sizeBytes: bytes.length };
  }
  await mkdir(dirname(path), { recursive: true });
  // Write then rename, so a concurrent reader (another miner process) never sees a partial file.
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
  return { path, digest, sizeBytes: bytes.length };
}

/** The digest of any model file on disk (for `--model-path` models). */
export async function describeModelFile(path: string): Promise<ModelFile> {
  const bytes = await readFile(path);
  return { path, digest: fileDigest(bytes), sizeBytes: bytes.length };
}
