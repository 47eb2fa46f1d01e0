// A supervisor that is killed with SIGKILL cannot stop its services, and they would keep running,
// holding their ports and the data dir. So every service watches its supervisor itself: when it
// is re-parented (the supervisor died), it stops as on SIGTERM, and if that takes longer than the
// grace period, its whole process group is killed. This runs inside the service, loaded with
// `--import` before the service's own code, so every service gets it without knowing about it.

/**
 * The watcher itself; serialized into the child, so it may use nothing from outside its body.
 * The supervisor's pid is passed in, not read from process.ppid: a supervisor killed while the
 * child is still starting would otherwise never be missed. The module takes itself out of
 * process.execArgv, and does nothing in a process whose parent is not the supervisor while the
 * supervisor lives: the service's own helpers (node-llama-cpp forks one with the same execArgv)
 * belong to the service, not to the supervisor. Once the supervisor is gone nobody reads our
 * output, so write errors are swallowed: they must not crash the clean stop. (No comments in the
 * body: it is sent on one line.)
 */
function watchSupervisor(supervisor: number, intervalMs: number, graceMs: number): void {
  const argv = process.execArgv;
  const at = argv.findIndex((a, i) => a === "--import" && argv[i + 1]?.includes("watchSupervisor"));
  if (at >= 0) argv.splice(at, 2);
  const supervisorAlive = () => {
    try {
      process.kill(supervisor, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === "EPERM";
    }
  };
  if (process.ppid !== supervisor && supervisorAlive()) return;
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    process.stdout.on("error", () => undefined);
    process.stderr.on("error", () => undefined);
    setTimeout(() => {
      try {
        process.kill(-process.pid, "SIGKILL");
      } catch {
        process.exit(1);
      }
    }, graceMs).unref();
    process.kill(process.pid, "SIGTERM");
  }, intervalMs);
  timer.unref();
}

export interface SupervisorWatch {
  /** How often the parent is checked (default 200 ms). */
  intervalMs?: number | undefined;
  /** How long a clean stop may take before the process group is killed (default 5 s). */
  graceMs?: number | undefined;
}

/** Node options that make a child of this process stop when this process dies. */
export function dieWithSupervisorArgs(options: SupervisorWatch = {}): string[] {
  const call = `(${process.pid}, ${options.intervalMs ?? 200}, ${options.graceMs ?? 5000})`;
  // One line, so `ps` stays readable; the function has no string literals whitespace matters in.
  const source = `(${watchSupervisor.toString().replace(/\s+/g, " ")})${call};`;
  // Only the characters a URL gives meaning to are escaped, so the source stays legible in `ps`.
  return ["--import", `data:text/javascript,${source.replace(/[%#?]/g, encodeURIComponent)}`];
}
