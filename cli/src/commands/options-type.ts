// node:util does not export the type of parseArgs's `options`, so it is derived here.
import type { ParseArgsConfig } from "node:util";

export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
