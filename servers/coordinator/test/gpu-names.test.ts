// The forgiving GPU name match behind "verified hardware": what providers write against what
// drivers report.
import { describe, expect, it } from "vitest";
import { claimsNoGpu, gpuNameMatches, parseMemoryMb } from "../src/domain/hardware/gpu-names.js";
import { checkThroughput, gpuClassOf } from "../src/domain/hardware/gpu-throughput.js";

describe("GPU names", () => {
  it.each([
    ["NVIDIA RTX 4090", "NVIDIA GeForce RTX 4090"],
    ["rtx4090", "NVIDIA GeForce RTX 4090"],
    ["GeForce RTX-4090", "NVIDIA GeForce RTX 4090"],
    ["NVIDIA A100 80GB", "NVIDIA A100-SXM4-80GB"],
    ["A100", "NVIDIA A100 80GB PCIe"],
    ["H100", "NVIDIA H100 80GB HBM3"],
    ["RTX A6000", "NVIDIA RTX A6000"],
  ])("%s is a %s", (claimed, detected) => {
    expect(gpuNameMatches(claimed, detected)).toBe(true);
  });

  it.each([
    ["NVIDIA A10", "NVIDIA A100-SXM4-80GB"],
    ["RTX 4090", "NVIDIA GeForce RTX 4080"],
    ["L40S", "NVIDIA L40"],
    ["NVIDIA", "NVIDIA GeForce RTX 4090"],
  ])("%s is not a %s", (claimed, detected) => {
    expect(gpuNameMatches(claimed, detected)).toBe(false);
  });

  it("tells a CPU-only claim and reads memory sizes", () => {
    expect(claimsNoGpu("CPU only (llama.cpp)")).toBe(true);
    expect(claimsNoGpu("none")).toBe(true);
    expect(claimsNoGpu("NVIDIA RTX 4090")).toBe(false);
    expect(parseMemoryMb("24GB")).toBe(24576);
    expect(parseMemoryMb("80 GiB")).toBe(81920);
    expect(parseMemoryMb("512MB")).toBe(512);
    expect(parseMemoryMb("lots")).toBeUndefined();
  });

  it("knows the class of a claimed GPU and when a run falls short of it", () => {
    expect(gpuClassOf("NVIDIA L40S 48GB")?.gpuClass).toBe("L40S");
    expect(gpuClassOf("NVIDIA GeForce RTX 4090")?.gpuClass).toBe("RTX 4090");
    expect(gpuClassOf("CPU only")).toBeUndefined();
    const run = { tokensOut: 100, modelBytes: 4e9 };
    expect(checkThroughput("RTX 4090", { ...run, durationMs: 20_000 })?.shortfall).toBe(true);
    expect(checkThroughput("RTX 4090", { ...run, durationMs: 2_000 })?.shortfall).toBe(false);
    // Too few tokens or no known model size: not checked at all.
    expect(
      checkThroughput("RTX 4090", { ...run, tokensOut: 10, durationMs: 20_000 }),
    ).toBeUndefined();
    expect(
      checkThroughput("RTX 4090", { tokensOut: 100, modelBytes: undefined, durationMs: 20_000 }),
    ).toBeUndefined();
  });
});
