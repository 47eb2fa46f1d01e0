// A supervisor that is killed with SIGKILL cannot stop its services, and they would keep running,
// holding their ports and the data dir. So every service watches its supervisor itself: when it
// is re-parented (the supervisor died), it stops as on SIGTERM, and if that takes longer than the
// grace period, its whole process group is killed. This runs inside the service, loaded with
// `--import` before the service's own code, so every service gets it without knowing about it.

/** The watcher itself; serialized into the child, so it may use nothing from outside its body. */
function watchSupervisor(intervalMs: number, graceMs: number): void {
  const supervisor = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    // Nobody reads our output any more; a write must not crash the clean stop.
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
  intervalMs?: number;
  /** How long a clean stop may take before the process group is killed (default 5 s). */
  graceMs?: number;
}

/** Node options that make the child stop when its supervisor dies. */
export function dieWithSupervisorArgs(options: SupervisorWatch = {}): string[] {
  const source = `(${watchSupervisor.toString()})(${options.intervalMs ?? 200}, ${options.graceMs ?? 5000});`;
  return ["--import", `data:text/javascript,${encodeURIComponent(source)}`];
}
