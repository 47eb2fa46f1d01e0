// The CLI as a library: tests and other tools run commands in-process with runCli.
export { runCli, generalHelp, type RunOptions } from "./run.js";
export { resolveConfig, type CliConfig, type Identity } from "./config/resolve-config.js";
export { EXIT } from "./output/explain-error.js";
