// A service definition read from a JSON or YAML file, for `aitbc services register|update`. The
// coordinator checks the fields; this only turns the file into an object, or says what is wrong.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../output/explain-error.js";

export function readServiceFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(
      `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
    );
  }
  let value: unknown;
  try {
    value = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new UsageError(
      `${path} is not valid ${/\.json$/i.test(path) ? "JSON" : "YAML"}: ${(err as Error).message}`,
    );
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new UsageError(
      `${path} must hold one object (the service's fields), not ${Array.isArray(value) ? "a list" : typeof value}.`,
    );
  return value as Record<string, unknown>;
}
