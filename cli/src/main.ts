// The `aitbc` bin: runs the CLI on this process's argv and exits with its code.
import { exitOnUncaught } from "./exit-on-uncaught.js";
import { runCli } from "./run.js";

exitOnUncaught((text) => process.stderr.write(text));

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  stdoutIsTerminal: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
// Exit now: keep-alive sockets and stream timers must not hold the terminal after the answer.
process.exit(code);
