// A process that hit an error nobody handled is in a state nobody planned for. Say what it was,
// in the log and on stderr, then exit non-zero, so whoever supervises the process (the stack
// launcher, systemd, a test) sees a failure instead of a process that limps on or vanishes quietly.
import type { Logger } from "pino";

let installed = false;

export function exitOnUncaught(name: string, logger?: Logger): void {
  if (installed) return;
  installed = true;
  const die = (kind: string, reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    try {
      logger?.fatal({ err }, `${name}: ${kind}`);
    } finally {
      console.error(`${name}: ${kind}: ${err.stack ?? err.message}`);
      process.exit(1);
    }
  };
  process.on("unhandledRejection", (reason) => die("unhandled rejection", reason));
  process.on("uncaughtException", (err) => die("uncaught exception", err));
}
