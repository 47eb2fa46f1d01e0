// What the terminal shows of a service's log: its own messages and every warning or error, but
// not one line per HTTP request (those stay in .aitbc/logs/<service>.log).

const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

export interface SummaryLine {
  level: string;
  text: string;
}

/** The line as the terminal should show it, or undefined to keep it in the log file only. */
export function summarizeLogLine(line: string, verbose = false): SummaryLine | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  if (!trimmed.startsWith("{")) return { level: "info", text: trimmed };
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return { level: "info", text: trimmed };
  }
  const levelNumber = typeof record.level === "number" ? record.level : 30;
  const level = LEVELS[levelNumber] ?? String(levelNumber);
  const isRequestLog = "req" in record || "res" in record || "responseTime" in record;
  if (!verbose && (levelNumber < 30 || (levelNumber < 40 && isRequestLog))) return undefined;
  let text = typeof record.msg === "string" ? record.msg : "";
  const err = record.err as { message?: string } | undefined;
  if (err?.message && !text.includes(err.message)) text += `${text ? ": " : ""}${err.message}`;
  return text ? { level, text } : undefined;
}
