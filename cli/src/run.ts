// The whole CLI as a function: argv in, output through `io`, exit code out. main.ts wires it to
// the process; tests call it in-process.
import { createAitbcClient } from "@aitbc/sdk";
import { GLOBAL_HELP, parseCommandArgs, stringOption } from "./args.js";
import { COMMANDS, findCommand } from "./commands/index.js";
import type { Command } from "./commands/command.js";
import { resolveConfig, type CliConfig, type Identity } from "./config/resolve-config.js";
import { EXIT, explainError, UsageError } from "./output/explain-error.js";
import { didYouMean } from "./output/did-you-mean.js";
import { Output, type CliIo } from "./output/output.js";
import { wantsDecorations } from "./output/decorations.js";
import { VERSION } from "./version.js";

export interface RunOptions extends CliIo {
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal; the human output is plain (no emoji) when it is not. */
  stdoutIsTerminal: boolean;
  cwd: string;
  signal?: AbortSignal;
}

const IDENTITIES: readonly Identity[] = ["customer", "provider", "admin"];

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.synopsis.length));
  return [
    "aitbc: the AITBC marketplace from the command line.",
    "",
    "Usage: aitbc <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.synopsis.padEnd(width)}  ${c.summary}`),
    "",
    GLOBAL_HELP,
    "",
    "Inside the project, the CLI finds the local stack (npm start) through .aitbc/stack.json and uses",
    "its dev customer key; admin commands use its dev admin key. `aitbc <command> --help` for details.",
  ].join("\n");
}

export function commandHelp(cmd: Command): string {
  return [
    `Usage: ${cmd.usage
      .split("\n")
      .map((u, i) => (i === 0 ? `aitbc ${u}` : `       aitbc ${u}`))
      .join("\n")}`,
    "",
    cmd.summary,
    ...(cmd.help ? ["", cmd.help] : []),
    "",
    GLOBAL_HELP,
  ].join("\n");
}

function unknownCommand(verb: string): UsageError {
  const names = COMMANDS.map((c) => c.name);
  const guess = didYouMean(verb, names);
  return new UsageError(
    `Unknown command "${verb}".${guess ? ` Did you mean "${guess}"?` : ""} Commands: ${names.join(", ")}.`,
  );
}

export async function runCli(argv: string[], io: RunOptions): Promise<number> {
  const wantsJson = argv.includes("--json");
  const out = new Output(
    {
      ...io,
      decorated: wantsDecorations({ argv, env: io.env, stdoutIsTerminal: io.stdoutIsTerminal }),
    },
    wantsJson,
  );
  const [verb, ...rest] = argv;
  let cmd: Command | undefined;
  let config: CliConfig | undefined;
  try {
    if (verb === "help" && rest.length > 0) {
      const topic = findCommand(rest[0]!);
      if (!topic) throw unknownCommand(rest[0]!);
      io.stdout(commandHelp(topic) + "\n");
      return EXIT.ok;
    }
    if (verb === undefined || verb === "help" || verb === "--help" || verb === "-h") {
      io.stdout(generalHelp() + "\n");
      return verb === undefined ? EXIT.usage : EXIT.ok;
    }
    if (verb === "--version" || verb === "-v") {
      io.stdout(VERSION + "\n");
      return EXIT.ok;
    }
    cmd = findCommand(verb);
    if (!cmd) throw unknownCommand(verb);
    const { values, positionals } = parseCommandArgs(rest, cmd.options);
    if (values.help) {
      io.stdout(commandHelp(cmd) + "\n");
      return EXIT.ok;
    }
    const as = stringOption(values, "as");
    if (as !== undefined && !IDENTITIES.includes(as as Identity)) {
      throw new UsageError(`--as must be one of ${IDENTITIES.join(", ")}, got "${as}".`);
    }
    config = resolveConfig({
      env: io.env,
      cwd: io.cwd,
      identity: (as as Identity | undefined) ?? cmd.identityFor?.(positionals) ?? cmd.identity,
      flags: {
        coordinatorUrl: stringOption(values, "coordinator-url"),
        nodeUrl: stringOption(values, "node-url"),
        walletUrl: stringOption(values, "wallet-url"),
        apiKey: stringOption(values, "api-key"),
      },
    });
    const client = createAitbcClient({
      coordinatorUrl: config.coordinatorUrl,
      nodeUrl: config.nodeUrls[0],
      walletUrl: config.walletUrl,
      exchangeUrl: config.exchangeUrl,
      apiKey: config.apiKey,
      http: { retries: 1 },
    });
    const result = await cmd.run({
      config,
      client,
      out,
      values,
      positionals,
      signal: io.signal ?? new AbortController().signal,
      env: io.env,
    });
    out.result(result);
    return EXIT.ok;
  } catch (err) {
    const explained = explainError(err, {
      command: cmd?.name ?? "aitbc",
      apiKeySource: config?.source.apiKey ?? "none",
      hasStackFiles: Boolean(config?.stack?.stack),
    });
    if (wantsJson) {
      const { exitCode: _exit, ...error } = explained;
      out.error(JSON.stringify({ error }, null, 2));
    } else {
      const lines = [`✖ ${explained.message}`];
      for (const d of explained.details ?? []) lines.push(`  - ${d}`);
      if (explained.requestId) lines.push(`  request id: ${explained.requestId}`);
      if (explained.hint) lines.push(`→ ${explained.hint}`);
      out.error(lines.join("\n"));
    }
    return explained.exitCode;
  }
}
