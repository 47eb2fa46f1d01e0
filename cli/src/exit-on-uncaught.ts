// A bug that escapes a command's own error handling must not end in a silent exit 0 or hang on
// an open socket: print it and exit 1, so scripts that call `aitbc` see the failure.
export function exitOnUncaught(write: (text: string) => void): void {
  const die = (kind: string, reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    write(`aitbc: ${kind}: ${err.stack ?? err.message}\n`);
    process.exit(1);
  };
  process.on("unhandledRejection", (reason) => die("unhandled rejection", reason));
  process.on("uncaughtException", (err) => die("uncaught exception", err));
}
