// A seeded PRNG for the tiny model's weights. Only integer operations and exact float arithmetic
// are used (no Math.log/cos), so every platform and Node version produces the same bits.

/** mulberry32: a small 32-bit generator; plenty for random test weights. */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** FNV-1a of a string: turns a tensor name into its own seed, so tensors do not depend on order. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Approximately normal values with mean 0 and standard deviation `std`: the sum of four uniforms
 * (Irwin–Hall) rescaled. Each uniform has 24 bits, so every step is exact in float64.
 */
export function fillNormal(out: Float32Array, seed: number, std: number): Float32Array {
  const next = createPrng(seed);
  const unit = 1 / 16777216;
  // Var(sum of 4 U(0,1)) = 1/3, so multiply by sqrt(3) for unit variance (sqrt is correctly rounded).
  const scale = std * Math.sqrt(3);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += (next() >>> 8) * unit;
    out[i] = (s - 2) * scale;
  }
  return out;
}
