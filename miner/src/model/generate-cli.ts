#!/usr/bin/env node
// aitbc-tiny-model: writes the generated aitbc-tiny:latest GGUF (a random-weight test model) and
// prints its path and digest. `--out FILE` writes elsewhere than miner/models/.
import { parseArgs } from "node:util";
import { defaultTinyModelPath, ensureTinyModel } from "./ensure-tiny-model.js";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const model = await ensureTinyModel(values.out ?? defaultTinyModelPath());
process.stdout.write(
  `${model.path}\n${model.digest}\n${model.sizeBytes} bytes, aitbc-tiny:latest (random-weight test model)\n`,
);
