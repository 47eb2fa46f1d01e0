// The forgiving comparison of GPU names, between what providers write in `specs.gpu_type` and
// what drivers report: "NVIDIA A100 80GB" is the card nvidia-smi calls "NVIDIA A100-SXM4-80GB".

// Brand and product-line words that providers add or leave out at will.
const NOISE = new Set(["nvidia", "geforce", "amd", "radeon", "intel", "gpu"]);
// A size written into the name ("80GB", "24 GiB"); memory is compared separately.
const SIZE = /\b\d+(?:\.\d+)?\s*(?:gb|gib|mb|mib|g)\b/gi;

/**
 * The words of a GPU name: lower case, sizes and brand words dropped, split at every change
 * between letters and digits, so "RTX4090", "rtx 4090" and "RTX-4090" are the same words and
 * "A10" stays apart from "A100".
 */
export function gpuNameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(SIZE, " ")
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter((w) => w && !NOISE.has(w));
}

/** The claimed name's words appear, in order and next to each other, in the detected name's. */
export function gpuNameMatches(claimed: string, detected: string): boolean {
  const want = gpuNameWords(claimed);
  const have = gpuNameWords(detected);
  if (want.length === 0) return false;
  for (let i = 0; i + want.length <= have.length; i++)
    if (want.every((w, j) => have[i + j] === w)) return true;
  return false;
}

/** A claim of no GPU at all: "CPU only (llama.cpp)", "none", "CPU". */
export function claimsNoGpu(gpuType: string): boolean {
  const words = gpuType
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length === 0 || words.includes("cpu") || words[0] === "none";
}

/** `specs.memory` as MiB ("24GB" → 24576, "512 MB" → 512); undefined when it is not a size. */
export function parseMemoryMb(memory: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(tb|tib|gb|gib|g|mb|mib|m)?\s*$/i.exec(memory);
  if (!m) return undefined;
  const unit = (m[2] ?? "gb").toLowerCase();
  const factor = unit.startsWith("t") ? 1024 * 1024 : unit.startsWith("g") ? 1024 : 1;
  return Math.round(Number(m[1]) * factor);
}
