// What a CLI command is: its name, usage, options (node:util parseArgs), whose key it uses, and
// a run function that gets a ready SDK client and returns its JSON result.
import type { OptionsConfig } from "./options-type.js";
import type { AitbcClient } from "@aitbc/sdk";
import type { CliConfig, Identity } from "../config/resolve-config.js";
import type { Output } from "../output/output.js";

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CommandContext {
  config: CliConfig;
  /** Client for the command's identity (config.apiKey). */
  client: AitbcClient;
  out: Output;
  values: OptionValues;
  positionals: string[];
  /** Aborted on Ctrl-C, so --watch loops end cleanly. */
  signal: AbortSignal;
  env: Record<string, string | undefined>;
}

export interface Command {
  /** The verb as typed: `health`, `submit`, `admin-jobs`, `wallet`. */
  name: string;
  summary: string;
  /** The short form `aitbc --help` lists. */
  synopsis: string;
  /** The usage line(s) after `aitbc `. */
  usage: string;
  options: OptionsConfig;
  /** Default key for the command (admin verbs use the admin key). */
  identity: Identity;
  /** A default key that depends on the action word (`services register` is the provider's). */
  identityFor?(positionals: string[]): Identity | undefined;
  /** The action words after the verb (`deposit add`), for shell completion. */
  actions?: readonly string[];
  /** Extra help text (option descriptions). */
  help?: string;
  run(ctx: CommandContext): Promise<unknown>;
}
