// Reading flags: node:util parseArgs in strict mode (an unknown flag is an error, not ignored),
// plus helpers that turn strings into checked numbers with a message naming the flag.
import { parseArgs } from "node:util";
import { DEFAULT_PORTS } from "@aitbc/sdk";
import type { OptionsConfig } from "./commands/options-type.js";
import { UsageError } from "./output/explain-error.js";
import type { OptionValues } from "./commands/command.js";

export const GLOBAL_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  "api-key": { type: "string" },
  as: { type: "string" },
  "coordinator-url": { type: "string" },
  "node-url": { type: "string" },
  "wallet-url": { type: "string" },
} satisfies OptionsConfig;

export const GLOBAL_HELP = `Global options:
  --json                 print the result as JSON (streams print one JSON object per line)
  --api-key KEY          use this API key (default: AITBC_API_KEY, then the dev stack's key)
  --as ROLE              use the dev stack's customer, provider or admin key
  --coordinator-url URL  default: AITBC_COORDINATOR_URL, then .aitbc/stack.json, then :${DEFAULT_PORTS.coordinator}
  --node-url URL         default: AITBC_NODE_URL, then .aitbc/stack.json, then :${DEFAULT_PORTS.nodes[0]}
  --wallet-url URL       default: AITBC_WALLET_URL, then .aitbc/stack.json, then :${DEFAULT_PORTS.wallet}
  -h, --help             show help`;

export function parseCommandArgs(
  args: string[],
  options: OptionsConfig,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function requiredString(values: OptionValues, name: string): string {
  const v = stringOption(values, name);
  if (v === undefined || v === "") throw new UsageError(`--${name} is required.`);
  return v;
}

export function intOption(
  values: OptionValues,
  name: string,
  range: { min: number; max: number },
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(
      `--${name} must be a whole number from ${range.min} to ${range.max}, got "${raw}".`,
    );
  }
  return n;
}

/** An AITBC amount flag: a positive decimal with at most 6 places, kept as text (never a float). */
export function amountOption(values: OptionValues, name: string): string | undefined {
  const raw = stringOption(values, name);
  return raw === undefined ? undefined : amountText(raw, `--${name}`);
}

/** An AITBC amount typed on the command line (flag or argument), checked the same way. */
export function amountText(raw: string, label: string): string {
  if (!/^\d+(\.\d{1,6})?$/.test(raw) || /^0+(\.0+)?$/.test(raw)) {
    throw new UsageError(
      `${label} must be a positive AITBC amount with at most 6 decimals, got "${raw}".`,
    );
  }
  return raw;
}

export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`Missing ${what}.`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  return positionals[0]!;
}

export function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
}
