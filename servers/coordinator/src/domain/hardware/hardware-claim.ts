// Whether a service's claimed hardware is there: a listing is only as good as the machines its
// provider has online, so the claim is checked against what those miners detected.
import type { ServiceSpecs } from "../services/service-store.js";
import type { MinerRecord } from "../miners/miner-store.js";
import { claimsNoGpu, gpuNameMatches, parseMemoryMb } from "./gpu-names.js";

/** What drivers report is a little under the size on the box (a 24 GB card shows 24564 MiB). */
const MEMORY_SLACK = 0.95;

export interface DetectedHardware {
  miner_id: string;
  gpu: MinerRecord["capabilities"]["gpu"];
  cpu: MinerRecord["capabilities"]["cpu"];
}

export interface HardwareVerdict {
  verified: boolean;
  reason: string;
  detected: DetectedHardware[];
}

export function checkHardwareClaim(
  specs: Pick<ServiceSpecs, "gpu_type" | "memory">,
  online: readonly MinerRecord[],
): HardwareVerdict {
  const detected = online.map((m) => ({
    miner_id: m.minerId,
    gpu: m.capabilities.gpu,
    cpu: m.capabilities.cpu,
  }));
  const verdict = (verified: boolean, reason: string) => ({ verified, reason, detected });
  if (online.length === 0)
    return verdict(false, "No miner of the provider is online, so the hardware cannot be checked.");
  const claimedMb = parseMemoryMb(specs.memory);
  if (claimedMb === undefined)
    return verdict(false, `The claimed memory "${specs.memory}" is not a size such as 24GB.`);
  const enough = (mb: number) => mb >= claimedMb * MEMORY_SLACK;

  if (claimsNoGpu(specs.gpu_type)) {
    const fit = online.find(
      (m) => m.capabilities.cpu.memory_mb === undefined || enough(m.capabilities.cpu.memory_mb),
    );
    if (!fit)
      return verdict(
        false,
        `No online miner has ${specs.memory} of RAM (the most is ${Math.max(...online.map((m) => m.capabilities.cpu.memory_mb ?? 0))} MiB).`,
      );
    const ram = fit.capabilities.cpu.memory_mb;
    return verdict(
      true,
      `CPU service: miner ${fit.minerId} has ${fit.capabilities.cpu.model}` +
        (ram === undefined ? " (it does not report its RAM)." : ` with ${ram} MiB of RAM.`),
    );
  }

  const named = online.filter(
    (m) => m.capabilities.gpu && gpuNameMatches(specs.gpu_type, m.capabilities.gpu.name),
  );
  const fit = named.find((m) => enough(m.capabilities.gpu!.memory_mb));
  if (fit) {
    const gpu = fit.capabilities.gpu!;
    return verdict(true, `Miner ${fit.minerId} has ${gpu.name} with ${gpu.memory_mb} MiB.`);
  }
  if (named.length > 0) {
    const gpu = named[0]!.capabilities.gpu!;
    return verdict(
      false,
      `The online ${gpu.name} has ${gpu.memory_mb} MiB, less than the claimed ${specs.memory}.`,
    );
  }
  const gpus = online.flatMap((m) => (m.capabilities.gpu ? [m.capabilities.gpu.name] : []));
  return verdict(
    false,
    `No online miner has a ${specs.gpu_type}; they report ` +
      (gpus.length ? `${[...new Set(gpus)].join(", ")}.` : "no GPU (CPU only)."),
  );
}
