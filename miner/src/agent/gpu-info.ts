// A GPU as the miner reports it to the coordinator, whichever tool detected it.
export interface GpuInfo {
  name: string;
  memory_mb: number;
  count: number;
}
