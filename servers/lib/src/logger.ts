import { pino, type DestinationStream, type Logger } from "pino";
import { REDACT_PATHS, REDACTED, redactSecrets } from "./log-redaction.js";

/**
 * One pino logger per service. Level from AITBC_LOG_LEVEL (default `info`; tests use `silent`).
 * API keys are censored in every line it writes.
 */
export function createLogger(
  service: string,
  level = process.env.AITBC_LOG_LEVEL ?? "info",
  /** Where lines go; stdout unless a test captures them. */
  destination?: DestinationStream,
): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: { streamWrite: redactSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
