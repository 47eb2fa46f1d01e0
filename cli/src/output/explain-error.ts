// Turns anything a command throws into one message, a hint that says what to do next, and an exit
// code. The hint is chosen by error class and problem `code`, never by message text.
import {
  AitbcError,
  AuthenticationError,
  InsufficientFundsError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  UnavailableError,
  UnprocessableError,
  ValidationError,
} from "@aitbc/sdk";

/** 0 success, 1 the request or the work failed, 2 bad command line, 3 the stack is not reachable. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

/** A mistake in the command line itself: exit code 2, with the command's usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A failure the command detected itself (a job that failed, a receipt that does not verify). */
export class CommandFailed extends Error {
  override readonly name = "CommandFailed";
  constructor(
    message: string,
    readonly hint?: string,
    readonly code = "command_failed",
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

export interface ExplainedError {
  code: string;
  status?: number;
  message: string;
  hint?: string;
  details?: string[];
  requestId?: string;
  exitCode: number;
}

export interface ExplainContext {
  /** The command name, for hints like "aitbc status <job_id>". */
  command: string;
  /** What the key came from (resolve-config's source), for auth hints. */
  apiKeySource: string;
  hasStackFiles: boolean;
}

export function explainError(err: unknown, ctx: ExplainContext): ExplainedError {
  if (err instanceof UsageError) {
    return {
      code: "usage",
      message: err.message,
      hint: `Run aitbc ${ctx.command === "aitbc" ? "" : ctx.command + " "}--help.`.replace(
        "  ",
        " ",
      ),
      exitCode: EXIT.usage,
    };
  }
  if (err instanceof CommandFailed) {
    return { code: err.code, message: err.message, hint: err.hint, exitCode: err.exitCode };
  }
  if (!(err instanceof AitbcError)) {
    return {
      code: "internal",
      message: err instanceof Error ? err.message : String(err),
      hint: "This looks like a bug in the CLI; please report it with the command you ran.",
      exitCode: EXIT.failed,
    };
  }
  const base = {
    code: err.code,
    status: err.status || undefined,
    message: err.message,
    requestId: err.requestId,
    exitCode: EXIT.failed,
  };
  if (err instanceof NetworkError) {
    return {
      ...base,
      exitCode: EXIT.unreachable,
      hint: ctx.hasStackFiles
        ? "Is the stack running? Start it with npm start (in the project directory), then try again."
        : "Is the stack running? Start it with npm start in the AITBC project, or set AITBC_COORDINATOR_URL to a running coordinator.",
    };
  }
  if (err instanceof AuthenticationError) {
    return {
      ...base,
      hint:
        ctx.apiKeySource === "none"
          ? "No API key: set AITBC_API_KEY, pass --api-key, or run inside the project after npm start (it writes .aitbc/dev-credentials.json)."
          : `The key from ${ctx.apiKeySource} was refused. If the stack was reset, restart it (npm start) so it writes new dev credentials.`,
    };
  }
  if (err instanceof PermissionError) {
    return {
      ...base,
      hint: "This key's role may not do that. Admin commands use the admin key (AITBC_ADMIN_API_KEY or the dev admin key); --as provider uses the dev provider's key.",
    };
  }
  if (err instanceof NotFoundError) {
    return {
      ...base,
      hint: "Check the id (aitbc admin-jobs lists jobs, aitbc services lists services). Objects of another customer or tenant are not visible to you.",
    };
  }
  if (err instanceof InsufficientFundsError && err.code === "deposit_insufficient") {
    return {
      ...base,
      hint: "Add to it (aitbc deposit add <amount>; aitbc deposit show says what it holds), lower --budget, or drop --funding deposit to pay this job from an escrow.",
    };
  }
  if (err instanceof InsufficientFundsError) {
    return {
      ...base,
      hint: "Lower --budget, or check the balance with aitbc wallet balance. On the dev stack, buy AITBC on the exchange or ask the faucet (admin).",
    };
  }
  if (err instanceof ValidationError) {
    const details = err.fieldErrors.map((f) => `${f.field}: ${f.message}`);
    return { ...base, details, hint: "Fix the named field(s) and try again; nothing was changed." };
  }
  if (err instanceof UnprocessableError) {
    const details = err.reasons.map(
      (r) =>
        `${r.filter}: ${r.message}${r.excluded.length ? ` (excluded: ${r.excluded.join(", ")})` : ""}`,
    );
    const hint =
      err.code === "no_matching_service"
        ? err.reasons.some((r) => r.filter === "hardware")
          ? "Only services with unverified hardware could run this job. Drop --verified-only to use them; aitbc services shows which are verified."
          : "No service can run this job. On the dev stack the offline model is aitbc-tiny:latest; aitbc services lists what is offered."
        : err.code === "bond_required"
          ? "Post a bond first (aitbc bond lock <amount>, the amount the message names; aitbc bond show says what you hold), then try again."
          : undefined;
    return { ...base, details, hint };
  }
  if (err instanceof RateLimitError) {
    return {
      ...base,
      hint: `Too many requests; wait ${err.retryAfterSeconds ?? "a few"} seconds and try again.`,
    };
  }
  if (err instanceof UnavailableError) {
    return {
      ...base,
      hint: "A service behind this one is down or slow (chain, wallet, database). Check aitbc health and the logs in .aitbc/logs/.",
    };
  }
  if (err instanceof ServerError) {
    return {
      ...base,
      hint: `The server failed. Its log (.aitbc/logs/) has the details${err.requestId ? ` for request ${err.requestId}` : ""}.`,
    };
  }
  return base;
}
