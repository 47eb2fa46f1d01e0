// Plain one-line logs for journalctl: `level message key=value …`. The miner never logs its API
// key or secret key. AITBC_LOG_LEVEL (silent|error|warn|info|debug) sets the threshold.

export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

export interface MinerLogger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function parseLogLevel(value: string | undefined, fallback: LogLevel = "info"): LogLevel {
  return value && value in ORDER ? (value as LogLevel) : fallback;
}

function formatField(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /[\s="]/.test(text ?? "") ? JSON.stringify(text) : String(text);
}

export function createLogger(
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stderr.write(line + "\n"),
): MinerLogger {
  const emit =
    (at: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
      if (ORDER[at] > ORDER[level]) return;
      const extra = fields
        ? Object.entries(fields)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => ` ${k}=${formatField(v)}`)
            .join("")
        : "";
      write(`${at.padEnd(5)} ${message}${extra}`);
    };
  return { error: emit("error"), warn: emit("warn"), info: emit("info"), debug: emit("debug") };
}

export const silentLogger: MinerLogger = createLogger("silent");
