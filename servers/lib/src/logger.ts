import { pino, type Logger } from "pino";

/** One pino logger per service. Level from AITBC_LOG_LEVEL (default `info`; tests use `silent`). */
export function createLogger(
  service: string,
  level = process.env.AITBC_LOG_LEVEL ?? "info",
): Logger {
  return pino({ name: service, level, base: { service } });
}

export type { Logger };
