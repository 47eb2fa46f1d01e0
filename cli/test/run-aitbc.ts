// Runs the CLI in-process, capturing what it prints, the way a user's terminal would see it.
import { runCli } from "../src/run.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runAitbc(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    signal?: AbortSignal;
    /** Defaults to a terminal, as a user sees it; false is a pipe. */
    stdoutIsTerminal?: boolean;
  } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    interactive: false,
    stdoutIsTerminal: options.stdoutIsTerminal ?? true,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal,
  });
  return { code, stdout, stderr };
}
