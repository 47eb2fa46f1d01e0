// Asks node-llama-cpp which GPU it would use and prints what it found as one JSON line. It runs
// as a child process of the miner so that loading a second llama.cpp binding (with GPU support)
// never touches the executor's own, and a probe that hangs or crashes only costs a timeout.
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const llama = await getLlama({
  gpu: "auto",
  build: "never",
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.disabled,
});
const report = {
  gpu: llama.gpu,
  device_names: llama.gpu ? await llama.getGpuDeviceNames() : [],
  vram_total_bytes: llama.gpu ? (await llama.getVramState()).total : 0,
};
await llama.dispose();
process.stdout.write(JSON.stringify(report) + "\n");
