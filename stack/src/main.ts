// `npm start`: the whole stack in the foreground. Ctrl-C stops it; a crashed service stops it
// too (a half-running marketplace is more confusing than a clear error).
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { PortInUseError } from "./ports/port-check.js";
import { DEFAULT_PORTS, PortPlanError } from "./ports/port-plan.js";
import { defaultDataDir, PROJECT_ROOT } from "./files/stack-paths.js";
import { StackRunningError } from "./process/stack-lock.js";
import { ServiceStartError } from "./process/wait-healthy.js";
import { nextCommands, servicesTable } from "./report/services-table.js";
import { startupRows } from "./report/startup-table.js";
import {
  describeCrash,
  describeStep,
  paint,
  printServiceLine,
  showPath,
} from "./report/terminal.js";
import { StackIncompleteError, startStack, type RunningStack } from "./start/start-stack.js";
import { watchParent } from "./process/parent-watch.js";
import { exitOnUncaught } from "./process/exit-on-uncaught.js";

const { values } = parseArgs({
  options: { verbose: { type: "boolean", short: "v" }, help: { type: "boolean", short: "h" } },
  strict: true,
});
if (values.help) {
  console.log(`npm start [-- --verbose]

Starts the AITBC stack: 3 validator nodes, wallet, coordinator, exchange (when built), a dev
provider with a service and a miner on the offline model, and a funded dev customer.
Data, keys and logs live in ${showPath(defaultDataDir())} (AITBC_DATA_DIR); npm run reset wipes them.
Ports: ${DEFAULT_PORTS.coordinator}…${DEFAULT_PORTS.miner_dashboard} by default; AITBC_PORT_BASE=28000 shifts all of them; per-service variables
are listed in HACKING.md. --verbose shows every log line, HTTP requests included.`);
  process.exit(0);
}
exitOnUncaught((line) => console.error(paint(31, line)));
const verbose = Boolean(values.verbose) || process.env.AITBC_STACK_VERBOSE === "1";
const dataDir = defaultDataDir();
const controller = new AbortController();
let stack: RunningStack | undefined;
let stopping: Promise<void> | undefined;

async function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (stack) {
      console.log("Stopping the stack…");
      await stack.stop();
      console.log("Stopped. Data kept in " + showPath(dataDir) + " (npm run reset wipes it).");
    }
  })();
  await stopping;
  process.exit(code);
}

let interrupts = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupts++;
    if (!stack) {
      controller.abort(new Error(`${signal} during startup`));
      return;
    }
    if (interrupts > 1)
      console.log("Still stopping: each service gets up to 10 s before it is killed.");
    void shutdown(0);
  });
}

watchParent(() => {
  console.log("The process that started the stack (npm) went away: stopping the stack.");
  if (!stack) controller.abort(new Error("parent process gone during startup"));
  else void shutdown(0);
});

console.log(paint(1, `AITBC local stack`) + ` (data: ${showPath(dataDir)})`);
try {
  stack = await startStack({
    dataDir,
    signal: controller.signal,
    onStep: (s) => console.log(describeStep(s)),
    onLine: (service, line) => printServiceLine(service, line, verbose),
    onCrash: (crash) => {
      // During startup the failure is reported by the startup error below.
      if (!stack) return;
      console.error(describeCrash(crash));
      if (stack && !crash.optional) void shutdown(1);
    },
  });
} catch (err) {
  if (controller.signal.aborted) {
    console.log("Startup interrupted; everything that had started was stopped.");
    process.exit(130);
  }
  if (err instanceof ServiceStartError) {
    console.error(paint(31, `✖ ${err.message}`));
    for (const line of err.logTail.slice(-15)) console.error(`    ${line}`);
    console.error(`  Full log: ${showPath(err.logFile)}`);
  } else if (
    err instanceof PortInUseError ||
    err instanceof PortPlanError ||
    err instanceof StackRunningError ||
    err instanceof StackIncompleteError
  ) {
    console.error(paint(31, `✖ ${err.message}`));
  } else {
    console.error(paint(31, `✖ The stack did not start: ${(err as Error).stack ?? err}`));
  }
  process.exit(1);
}

console.log("");
console.log(servicesTable(startupRows(stack, await stack.status())));
console.log("");
console.log(
  `Dev credentials: ${showPath(stack.paths.credentials)}   URLs: ${showPath(stack.paths.stackJson)}`,
);
console.log(`Logs: ${showPath(stack.paths.logs)}/<service>.log`);
console.log("");
console.log(
  nextCommands({
    // Relative inside the project, absolute anywhere else.
    dataDir: relative(PROJECT_ROOT, dataDir).startsWith("..")
      ? dataDir
      : relative(PROJECT_ROOT, dataDir) || ".",
    defaultDataDir: !process.env.AITBC_DATA_DIR,
  }),
);
console.log("");
console.log("Ctrl-C stops everything.");
