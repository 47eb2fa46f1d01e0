#!/usr/bin/env node
// aitbc-ollama-compat: an Ollama-compatible server backed by the llama.cpp executor, for trying
// the miner's Ollama path without Ollama. Default 127.0.0.1:11434 (Ollama's port) and the
// generated aitbc-tiny:latest random-weight test model.
import { parseArgs } from "node:util";
import { createLlamaCppExecutor } from "../executors/llamacpp-executor.js";
import { startOllamaCompatServer } from "./server.js";

const USAGE = `Usage: aitbc-ollama-compat [--host 127.0.0.1] [--port 11434] [--model-path FILE] [--threads N] [--concurrency N]\n`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "11434" },
      "model-path": { type: "string" },
      threads: { type: "string" },
      concurrency: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const executor = await createLlamaCppExecutor({
    concurrency: Number(values.concurrency),
    ...(values["model-path"] ? { modelPath: values["model-path"] } : {}),
    ...(values.threads ? { threads: Number(values.threads) } : {}),
  });
  const server = await startOllamaCompatServer({
    executor,
    host: values.host,
    port: Number(values.port),
  });
  const label = executor.model.label ? ` (${executor.model.label})` : "";
  process.stderr.write(
    `aitbc-ollama-compat on ${server.url} serving ${executor.model.name}${label}\n`,
  );
  const stop = () => {
    void server
      .close()
      .then(() => executor.close())
      .then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `aitbc-ollama-compat: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`,
  );
  process.exit(1);
});
