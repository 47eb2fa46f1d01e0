// Turns what the SDK throws when calling the wallet or the node into the coordinator's errors:
// the caller's own mistakes keep their status and code; everything else is "try again later".
import { AitbcError } from "@aitbc/sdk";
import { AppError, GatewayTimeout, Unavailable } from "@aitbc/server-lib";

export function fromDependency(err: unknown, what: string): AppError {
  if (err instanceof AitbcError) {
    if (err.status === 504) return new GatewayTimeout(`${what}: ${err.message}`);
    if (err.status >= 400 && err.status < 500 && err.status !== 429) {
      const p = err.problem;
      return new AppError(
        err.status,
        err.code,
        p.title ?? "Request refused",
        p.detail ?? err.message,
        p.reason !== undefined ? { reason: p.reason } : {},
      );
    }
  }
  return new Unavailable(`${what} is unreachable or failing. Retry in a few seconds.`);
}

export function isNotFound(err: unknown): boolean {
  return err instanceof AitbcError && err.status === 404;
}
