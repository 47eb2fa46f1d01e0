// A minimal GGUF v3 writer (the file format llama.cpp loads), written from the format description
// in ggml's docs/gguf.md: header, typed metadata key/values, tensor infos, then the tensor data,
// each tensor starting on an `alignment` boundary. Only what the tiny model needs is supported:
// little-endian, F32 tensors, scalar and array metadata.

export const GGUF_MAGIC = "GGUF";
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** gguf_type: how a metadata value is encoded. */
const ValueType = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

/** ggml_type of a tensor. Only F32 is written. */
const GGML_TYPE_F32 = 0;

export type ScalarKind = "uint32" | "int32" | "float32" | "bool" | "string" | "uint64";

export type MetadataValue =
  | { kind: "uint32"; value: number }
  | { kind: "int32"; value: number }
  | { kind: "float32"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "uint64"; value: bigint }
  | { kind: "array"; of: "string"; values: readonly string[] }
  | { kind: "array"; of: "float32" | "int32"; values: ArrayLike<number> };

export interface TensorSpec {
  name: string;
  /** ggml order: the first dimension is the fastest-varying one (row length). */
  dims: readonly number[];
  data: Float32Array;
}

export interface GgufDocument {
  metadata: ReadonlyArray<readonly [string, MetadataValue]>;
  tensors: readonly TensorSpec[];
  alignment?: number;
}

/** A growable little-endian byte buffer. */
class ByteSink {
  private chunks: Buffer[] = [];
  length = 0;

  push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }
  u8(v: number): void {
    const b = Buffer.alloc(1);
    b.writeUInt8(v);
    this.push(b);
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  u64(v: bigint | number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, "utf8");
    this.u64(bytes.length);
    this.push(bytes);
  }
  padTo(alignment: number): void {
    const rem = this.length % alignment;
    if (rem !== 0) this.push(Buffer.alloc(alignment - rem));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeValue(out: ByteSink, key: string, value: MetadataValue): void {
  switch (value.kind) {
    case "uint32":
      checkInt(key, value.value, 0, 0xffffffff);
      out.u32(ValueType.uint32);
      out.u32(value.value);
      return;
    case "int32":
      checkInt(key, value.value, -0x80000000, 0x7fffffff);
      out.u32(ValueType.int32);
      out.i32(value.value);
      return;
    case "float32":
      out.u32(ValueType.float32);
      out.f32(value.value);
      return;
    case "bool":
      out.u32(ValueType.bool);
      out.u8(value.value ? 1 : 0);
      return;
    case "string":
      out.u32(ValueType.string);
      out.str(value.value);
      return;
    case "uint64":
      out.u32(ValueType.uint64);
      out.u64(value.value);
      return;
    case "array": {
      out.u32(ValueType.array);
      out.u32(ValueType[value.of]);
      out.u64(value.values.length);
      if (value.of === "string") {
        for (const s of value.values) out.str(s);
      } else if (value.of === "float32") {
        for (let i = 0; i < value.values.length; i++) out.f32(value.values[i]!);
      } else {
        for (let i = 0; i < value.values.length; i++) {
          checkInt(`${key}[${i}]`, value.values[i]!, -0x80000000, 0x7fffffff);
          out.i32(value.values[i]!);
        }
      }
      return;
    }
  }
}

function checkInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${name}: ${v} is not an integer in [${min}, ${max}]`);
  }
}

/** Serializes a document to GGUF v3 bytes. The same document always gives the same bytes. */
export function writeGguf(doc: GgufDocument): Buffer {
  const alignment = doc.alignment ?? GGUF_DEFAULT_ALIGNMENT;
  const keys = new Set<string>();
  for (const [key] of doc.metadata) {
    if (keys.has(key)) throw new Error(`metadata key ${key} appears twice`);
    keys.add(key);
  }
  const out = new ByteSink();
  out.push(Buffer.from(GGUF_MAGIC, "ascii"));
  out.u32(GGUF_VERSION);
  out.u64(doc.tensors.length);
  out.u64(doc.metadata.length);
  for (const [key, value] of doc.metadata) {
    out.str(key);
    writeValue(out, key, value);
  }

  // Tensor offsets are relative to the start of the data section and each is aligned.
  let offset = 0;
  const offsets: number[] = [];
  for (const t of doc.tensors) {
    const elements = t.dims.reduce((a, b) => a * b, 1);
    if (elements !== t.data.length) {
      throw new Error(
        `tensor ${t.name}: dims ${t.dims.join("x")} do not match ${t.data.length} values`,
      );
    }
    offsets.push(offset);
    offset += t.data.byteLength;
    offset += (alignment - (offset % alignment)) % alignment;
  }
  doc.tensors.forEach((t, i) => {
    out.str(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(GGML_TYPE_F32);
    out.u64(offsets[i]!);
  });
  out.padTo(alignment);
  for (const t of doc.tensors) {
    const bytes = Buffer.alloc(t.data.length * 4);
    for (let i = 0; i < t.data.length; i++) bytes.writeFloatLE(t.data[i]!, i * 4);
    out.push(bytes);
    out.padTo(alignment);
  }
  return out.toBuffer();
}
