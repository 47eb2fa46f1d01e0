// An error nobody handled leaves the launcher in a state nobody planned for: say so and exit
// non-zero. The exit takes the services down with it (startStack's exit hook kills them, and
// each service also watches the launcher's pid), so nothing is left running unsupervised.
export function exitOnUncaught(report: (line: string) => void = console.error): void {
  const die = (kind: string, reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    report(`✖ The stack launcher hit an ${kind}: ${err.stack ?? err.message}`);
    process.exit(1);
  };
  process.on("unhandledRejection", (reason) => die("unhandled rejection", reason));
  process.on("uncaughtException", (err) => die("uncaught exception", err));
}
