// GPUs as node-llama-cpp sees them (CUDA, Vulkan or Metal), for machines without nvidia-smi: an
// AMD or Intel card through Vulkan, an Apple GPU through Metal. The probe runs in a child process
// (llama-gpu-probe.ts); this module reads its one line of JSON.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { GpuInfo } from "./gpu-info.js";

/** What the probe prints. */
export interface LlamaGpuReport {
  gpu: "cuda" | "vulkan" | "metal" | false;
  device_names: string[];
  vram_total_bytes: number;
}

/**
 * The probe's output as the miner reports a GPU, e.g.
 * `{"gpu":"vulkan","device_names":["AMD Radeon RX 7900 XTX"],"vram_total_bytes":25753026560}`.
 * llama.cpp gives the VRAM of all devices together, so each of several devices of the first
 * model is reported with an equal share. No GPU backend or no device is `null`.
 */
export function parseLlamaGpuReport(output: string): GpuInfo | null {
  let report: Partial<LlamaGpuReport>;
  try {
    report = JSON.parse(output.trim().split("\n").pop() ?? "") as Partial<LlamaGpuReport>;
  } catch {
    return null;
  }
  const names = Array.isArray(report.device_names)
    ? report.device_names.filter((n): n is string => typeof n === "string" && n.trim() !== "")
    : [];
  const first = names[0]?.trim();
  if (!report.gpu || !first) return null;
  const total = typeof report.vram_total_bytes === "number" ? report.vram_total_bytes : 0;
  return {
    name: first,
    memory_mb: Math.floor(total / names.length / (1024 * 1024)),
    count: names.filter((n) => n.trim() === first).length,
  };
}

const defaultProbe = [
  process.execPath,
  fileURLToPath(new URL("./llama-gpu-probe.js", import.meta.url)),
];

/** Runs the probe (`command`, first the program) and reads its report; null on any failure. */
export function detectLlamaGpu(command: readonly string[] = defaultProbe): Promise<GpuInfo | null> {
  const [program, ...args] = command;
  if (!program) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(program, args, { timeout: 20_000 }, (err, stdout) =>
      resolve(err ? null : parseLlamaGpuReport(stdout)),
    );
  });
}
