// How `npm start` talks to the terminal: a short line per startup step, the services' own
// messages prefixed with their name, and crash reports that point at the log file.
import { relative } from "node:path";
import type { ServiceCrash, StackStep } from "../start/stack-types.js";
import { describeExit } from "../process/supervised-process.js";
import { summarizeLogLine } from "./log-summary.js";
import { RepeatFilter } from "./repeat-filter.js";

const repeats = new RepeatFilter();

const COLORS = [36, 35, 33, 32, 34, 96, 95, 93];
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

export function paint(code: number, text: string): string {
  return useColor ? `\x1b[${code}m${text}\x1b[0m` : text;
}

const colorOf = new Map<string, number>();
function serviceColor(service: string): number {
  if (!colorOf.has(service)) colorOf.set(service, COLORS[colorOf.size % COLORS.length]!);
  return colorOf.get(service)!;
}

export function showPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

export function printServiceLine(service: string, line: string, verbose: boolean): void {
  const summary = summarizeLogLine(line, verbose);
  if (!summary || (!verbose && !repeats.admit(service, summary.text))) return;
  const level =
    summary.level === "info"
      ? ""
      : paint(summary.level === "warn" ? 33 : 31, `${summary.level.toUpperCase()} `);
  console.log(`${paint(serviceColor(service), service.padEnd(11))} │ ${level}${summary.text}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function describeStep(s: StackStep): string {
  switch (s.kind) {
    case "leftovers":
      return `Stopped services left over from a stack that was killed: ${s.processes.map((p) => `${p.name} (pid ${p.pid})`).join(", ")}`;
    case "secrets":
      return s.created
        ? `New dev chain ${s.chainId}: generated genesis, validator keys, settlement and treasury keys, admin key`
        : `Dev chain ${s.chainId}: reusing the keys and data from the last run`;
    case "starting":
      return `Starting ${s.services.join(", ")}…`;
    case "healthy":
      return `✓ ${s.services.join(", ")} healthy (${seconds(s.ms)})`;
    case "accounts":
      return `✓ Created dev account(s): ${s.created.join(", ")}`;
    case "funded":
      return `✓ Faucet: ${s.amount} AITBC to the dev customer (${s.address})`;
    case "bonded":
      return `✓ Bond: the dev provider locked ${s.amount} AITBC (${s.address})`;
    case "miner-online":
      return `✓ Miner online, serving ${s.model} (${seconds(s.ms)})`;
    case "optional-failed":
      return [
        paint(33, `⚠ ${s.message} The stack goes on without it. Its last lines:`),
        ...s.logTail.slice(-10).map((l) => `    ${l}`),
        `  Full log: ${showPath(s.logFile)}`,
      ].join("\n");
    case "ready":
      return `✓ Stack ready in ${seconds(s.ms)}`;
  }
}

export function describeCrash(crash: ServiceCrash): string {
  return [
    paint(
      31,
      `✖ ${crash.service} exited unexpectedly (${describeExit(crash.exit)}). Its last lines:`,
    ),
    ...crash.tail.slice(-15).map((l) => `    ${l}`),
    `  Full log: ${showPath(crash.logFile)}`,
  ].join("\n");
}
