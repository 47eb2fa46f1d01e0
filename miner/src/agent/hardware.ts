// What the miner runs on, as registered with the coordinator: GPUs from nvidia-smi when it is
// installed, else from node-llama-cpp's own detection, and the CPU with the RAM always. No GPU is
// reported as `gpu: null`, never guessed.
import { execFile } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { detectLlamaGpu } from "./llama-gpu.js";
import type { GpuInfo } from "./gpu-info.js";

export type { GpuInfo } from "./gpu-info.js";

export interface CpuInfo {
  model: string;
  cores: number;
  /** The machine's RAM in MiB. */
  memory_mb: number;
}

export interface Hardware {
  gpu: GpuInfo | null;
  cpu: CpuInfo;
}

/**
 * Parses `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader` output, e.g.
 * `NVIDIA GeForce RTX 4090, 24564 MiB` per line. Several GPUs of the same model are counted;
 * with mixed models the first model is reported with its count.
 */
export function parseNvidiaSmi(output: string): GpuInfo | null {
  const rows = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.lastIndexOf(",");
      if (comma < 0) return undefined;
      const name = line.slice(0, comma).trim();
      const mem = /(\d+)\s*MiB/i.exec(line.slice(comma + 1));
      return name && mem ? { name, memory_mb: Number(mem[1]) } : undefined;
    })
    .filter((r): r is { name: string; memory_mb: number } => r !== undefined);
  const first = rows[0];
  if (!first) return null;
  return { ...first, count: rows.filter((r) => r.name === first.name).length };
}

export function detectGpu(command = "nvidia-smi"): Promise<GpuInfo | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      ["--query-gpu=name,memory.total", "--format=csv,noheader"],
      { timeout: 5000 },
      (err, stdout) => resolve(err ? null : parseNvidiaSmi(stdout)),
    );
  });
}

export function detectCpu(): CpuInfo {
  const list = cpus();
  const model = list[0]?.model?.trim() || "unknown CPU";
  return {
    model,
    cores: Math.max(1, list.length),
    memory_mb: Math.floor(totalmem() / (1024 * 1024)),
  };
}

/**
 * nvidia-smi first (it names the card exactly and is quick); without it, node-llama-cpp's probe
 * (`llamaProbe`: the command to run it, the built-in probe by default).
 */
export async function detectHardware(
  nvidiaSmi?: string,
  llamaProbe?: readonly string[],
): Promise<Hardware> {
  const gpu = (await detectGpu(nvidiaSmi)) ?? (await detectLlamaGpu(llamaProbe));
  return { gpu, cpu: detectCpu() };
}

/** One line for the startup banner, e.g. `GPU: none (CPU only: AMD EPYC 7763, 2 cores)`. */
export function describeHardware(hw: Hardware): string {
  const cpu = `${hw.cpu.model}, ${hw.cpu.cores} cores, ${hw.cpu.memory_mb} MiB RAM`;
  if (!hw.gpu) return `GPU: none (neither nvidia-smi nor llama.cpp finds one) — CPU only: ${cpu}`;
  return `GPU: ${hw.gpu.count}× ${hw.gpu.name} (${hw.gpu.memory_mb} MiB) — CPU: ${cpu}`;
}
