// Finds the bundled contract documents (spec/bundled/*.openapi.json and *.asyncapi.json) shipped
// in @aitbc/spec. Everything in this package works generically over whatever documents exist.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The four HTTP services, named as their OpenAPI documents are. */
export const SERVICES = ["coordinator", "node", "wallet", "exchange"] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
}

export interface LoadedDocument {
  /** The document's name: `coordinator` for coordinator.openapi.json. */
  name: string;
  file: string;
  doc: OpenApiDocument;
}

export function defaultBundledDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@aitbc/spec/package.json")), "bundled");
}

export function listOpenApiFiles(dir = defaultBundledDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".openapi.json"))
    .sort()
    .map((f) => join(dir, f));
}

export function loadOpenApiDocuments(dir = defaultBundledDir()): LoadedDocument[] {
  return listOpenApiFiles(dir).map((file) => ({
    name: file.replace(/^.*\//, "").replace(/\.openapi\.json$/, ""),
    file,
    doc: JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument,
  }));
}

export function isServiceName(name: string): name is ServiceName {
  return (SERVICES as readonly string[]).includes(name);
}
