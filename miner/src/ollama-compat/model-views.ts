// The model descriptions Ollama's /api/tags and /api/show return, built from what the executor
// serves. Digests go out as bare hex, as Ollama sends them.
import type { ServedModel } from "../executors/executor.js";

const startedAt = new Date().toISOString();

export function bareDigest(digest: string): string {
  return digest.replace(/^sha256:/, "");
}

function details(model: ServedModel) {
  return {
    parent_model: "",
    format: "gguf",
    family: "llama",
    families: ["llama"],
    parameter_size: model.sizeBytes ? `${Math.round(model.sizeBytes / 4 / 1000)}K` : "unknown",
    quantization_level: "F32",
  };
}

export function tagView(model: ServedModel) {
  return {
    name: model.name,
    model: model.name,
    modified_at: startedAt,
    size: model.sizeBytes ?? 0,
    digest: bareDigest(model.digest),
    details: details(model),
    // Not an Ollama field; Ollama clients ignore it, and people reading the list see what it is.
    ...(model.label ? { label: model.label } : {}),
  };
}

export function showView(model: ServedModel) {
  return {
    license: "Apache-2.0",
    modelfile: `# ${model.name}${model.label ? ` (${model.label})` : ""}\nFROM ${model.name}\n`,
    parameters: "temperature 0",
    template: "{{ .Prompt }}",
    system: "",
    details: details(model),
    model_info: {
      "general.architecture": "llama",
      "general.name": model.name,
      ...(model.label ? { "general.description": model.label } : {}),
    },
    capabilities: ["completion"],
    modified_at: startedAt,
  };
}
