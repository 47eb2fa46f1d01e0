// What the miner detects and how it is configured: nvidia-smi output (through a stand-in
// nvidia-smi, since CI has no GPU), the CPU, flags versus environment, and the CLI's exit codes.
import { execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  detectHardware,
  parseCli,
  parseLlamaGpuReport,
  parseNvidiaSmi,
  UsageError,
} from "../src/index.js";

const mainJs = fileURLToPath(new URL("../dist/main.js", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "aitbc-hw-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("hardware detection", () => {
  it("parses nvidia-smi CSV, counting GPUs of the same model", () => {
    expect(
      parseNvidiaSmi("NVIDIA GeForce RTX 4090, 24564 MiB\nNVIDIA GeForce RTX 4090, 24564 MiB\n"),
    ).toEqual({
      name: "NVIDIA GeForce RTX 4090",
      memory_mb: 24564,
      count: 2,
    });
    expect(parseNvidiaSmi("")).toBeNull();
    expect(parseNvidiaSmi("No devices were found")).toBeNull();
  });

  it("reports the GPU a (stand-in) nvidia-smi lists, and none when the command is missing", async () => {
    const fake = join(dir, "nvidia-smi");
    await writeFile(
      fake,
      '#!/bin/sh\n[ "$1" = "--query-gpu=name,memory.total" ] && [ "$2" = "--format=csv,noheader" ] || exit 9\necho "NVIDIA A100-SXM4-40GB, 40960 MiB"\n',
    );
    await chmod(fake, 0o755);
    const withGpu = await detectHardware(fake);
    expect(withGpu.gpu).toEqual({ name: "NVIDIA A100-SXM4-40GB", memory_mb: 40960, count: 1 });
    const cpuOnly = await detectHardware(join(dir, "no-such-nvidia-smi"));
    expect(cpuOnly.gpu).toBeNull();
    expect(cpuOnly.cpu.cores).toBeGreaterThanOrEqual(1);
    expect(cpuOnly.cpu.model.length).toBeGreaterThan(0);
    expect(cpuOnly.cpu.memory_mb).toBeGreaterThan(0);
  });

  // Recorded outputs of the node-llama-cpp probe (dist/agent/llama-gpu-probe.js).
  it("reads node-llama-cpp's GPU report: Vulkan, Metal, CUDA with two cards, and none", () => {
    expect(
      parseLlamaGpuReport(
        '{"gpu":"vulkan","device_names":["AMD Radeon RX 7900 XTX"],"vram_total_bytes":25753026560}\n',
      ),
    ).toEqual({ name: "AMD Radeon RX 7900 XTX", memory_mb: 24560, count: 1 });
    expect(
      parseLlamaGpuReport(
        '{"gpu":"metal","device_names":["Apple M2 Max"],"vram_total_bytes":77309411328}',
      ),
    ).toEqual({ name: "Apple M2 Max", memory_mb: 73728, count: 1 });
    expect(
      parseLlamaGpuReport(
        '{"gpu":"cuda","device_names":["NVIDIA GeForce RTX 3090","NVIDIA GeForce RTX 3090"],"vram_total_bytes":51539607552}',
      ),
    ).toEqual({ name: "NVIDIA GeForce RTX 3090", memory_mb: 24576, count: 2 });
    expect(parseLlamaGpuReport('{"gpu":false,"device_names":[],"vram_total_bytes":0}')).toBeNull();
    expect(
      parseLlamaGpuReport('{"gpu":"vulkan","device_names":[],"vram_total_bytes":0}'),
    ).toBeNull();
    expect(parseLlamaGpuReport("Segmentation fault")).toBeNull();
  });

  it("asks node-llama-cpp when nvidia-smi is missing, and nvidia-smi wins when present", async () => {
    const probe = join(dir, "llama-probe.js");
    await writeFile(
      probe,
      'console.log(JSON.stringify({gpu:"vulkan",device_names:["Intel Arc A770"],vram_total_bytes:17179869184}));\n',
    );
    const viaLlama = await detectHardware(join(dir, "no-such-nvidia-smi"), [
      process.execPath,
      probe,
    ]);
    expect(viaLlama.gpu).toEqual({ name: "Intel Arc A770", memory_mb: 16384, count: 1 });
    const broken = await detectHardware(join(dir, "no-such-nvidia-smi"), [join(dir, "no-probe")]);
    expect(broken.gpu).toBeNull();
    const fake = join(dir, "nvidia-smi-l4");
    await writeFile(fake, '#!/bin/sh\necho "NVIDIA L4, 23034 MiB"\n');
    await chmod(fake, 0o755);
    expect((await detectHardware(fake, [process.execPath, probe])).gpu?.name).toBe("NVIDIA L4");
  });

  it("runs the real node-llama-cpp probe: this machine has no GPU, so none is reported", async () => {
    const probe = fileURLToPath(new URL("../dist/agent/llama-gpu-probe.js", import.meta.url));
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [probe], { timeout: 60_000 }, (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      ),
    );
    expect(JSON.parse(out)).toMatchObject({ device_names: expect.any(Array) });
    if (!process.env.AITBC_TEST_HAS_GPU) expect(parseLlamaGpuReport(out)).toBeNull();
  }, 90_000);
});

describe("command line", () => {
  it("takes flags, falls back to the environment, and flags win", () => {
    const env = {
      AITBC_COORDINATOR_URL: "http://10.0.0.1:18000",
      AITBC_API_KEY: "env-key",
      OLLAMA_HOST: "gpu-box:11434",
    };
    const fromEnv = parseCli([], env);
    expect(fromEnv).toEqual({
      help: false,
      config: {
        coordinatorUrl: "http://10.0.0.1:18000",
        apiKey: "env-key",
        executor: "auto",
        concurrency: 1,
        ollamaHost: "gpu-box:11434",
      },
    });
    const fromFlags = parseCli(
      [
        "--coordinator",
        "http://127.0.0.1:18000",
        "--api-key",
        "flag-key",
        "--executor",
        "llamacpp",
        "--concurrency",
        "3",
        "--threads",
        "2",
        "--name",
        "rig-01",
        "--model-path",
        "/m.gguf",
      ],
      env,
    );
    expect(fromFlags.help === false && fromFlags.config).toMatchObject({
      coordinatorUrl: "http://127.0.0.1:18000",
      apiKey: "flag-key",
      executor: "llamacpp",
      concurrency: 3,
      threads: 2,
      name: "rig-01",
      modelPath: "/m.gguf",
    });
  });

  it("rejects missing and malformed settings, naming the flag", () => {
    expect(() => parseCli([], {})).toThrow(/--coordinator/);
    expect(() => parseCli(["--coordinator", "http://x"], {})).toThrow(/--api-key/);
    expect(() => parseCli(["--coordinator", "not a url", "--api-key", "k"], {})).toThrow(
      UsageError,
    );
    expect(() =>
      parseCli(["--coordinator", "http://x", "--api-key", "k", "--executor", "gpu"], {}),
    ).toThrow(/--executor/);
    expect(() =>
      parseCli(["--coordinator", "http://x", "--api-key", "k", "--concurrency", "0"], {}),
    ).toThrow(/--concurrency/);
    expect(() => parseCli(["--bogus"], {})).toThrow(UsageError);
  });

  it("exits 2 with usage on bad flags and 0 on --help", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        execFile(
          process.execPath,
          [mainJs, ...args],
          { env: { PATH: process.env.PATH } },
          (error, out, err) => resolve({ code: error ? (error.code as number) : 0, out, err }),
        );
      });
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("--coordinator URL");
    const bad = await run([]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--coordinator (or AITBC_COORDINATOR_URL) is required");
  });

  it("keeps retrying a coordinator that is not there, and exits cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        mainJs,
        "--coordinator",
        "http://127.0.0.1:9",
        "--api-key",
        "sk_never_logged_123",
        "--executor",
        "llamacpp",
      ],
      {
        env: {
          PATH: process.env.PATH,
          AITBC_MINER_DATA_DIR: join(dir, "retry"),
          AITBC_LOG_LEVEL: "info",
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let log = "";
    child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    const deadline = Date.now() + 30_000;
    while ((log.match(/coordinator unreachable, retrying registration/g) ?? []).length < 2) {
      if (Date.now() > deadline) throw new Error(`the miner did not retry: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(child.exitCode).toBeNull();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(log).not.toContain("sk_never_logged_123");
  });
});
