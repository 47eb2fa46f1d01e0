// `npm start` runs the stack as npm → sh → node. A SIGTERM or SIGHUP sent to npm alone (a process
// manager, a closed SSH session, `kill <npm pid>`) ends npm and sh without passing the signal on,
// and the stack with all its services would keep running, orphaned, holding the ports and the
// data dir lock. The stack therefore watches its parent and stops when it goes away. (A Ctrl-C in
// the terminal reaches the whole process group and is handled as a signal.)

/** Calls `onGone` once when this process's parent changes (it died and we were re-parented). */
export function watchParent(onGone: () => void, intervalMs = 1000): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
