// Turns the SDK's typed errors into notices that say what went wrong and what to do next.
// Branches on the error class and `code`, never on message text.
import {
  AuthenticationError,
  InsufficientFundsError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  UnprocessableError,
  ValidationError,
} from "@aitbc/sdk";
import { h, type Child } from "./dom.js";
import { asAitbcError } from "./session.js";

export const DEV_KEYS_HINT =
  "On a local stack the keys are in .aitbc/dev-credentials.json (admin, provider and customer).";

export interface ProblemHints {
  /** What to do after a 403 on this action (which role it needs). */
  forbidden?: Child;
  /** What to do after a 402. */
  insufficientFunds?: Child;
  /** What to do after a 404. */
  notFound?: Child;
}

export function problemNotice(err: unknown, hints: ProblemHints = {}): HTMLElement {
  const e = asAitbcError(err);
  let title = e.problem.title ?? "Request failed";
  let hint: Child = null;
  let extra: Child = null;

  if (e instanceof AuthenticationError) {
    title = "Your API key was not accepted";
    hint = ["Paste a valid key in the API key box at the top right. ", DEV_KEYS_HINT];
  } else if (e instanceof PermissionError) {
    title = "Not allowed with this key";
    hint = hints.forbidden ?? "This action needs a key with another role.";
  } else if (e instanceof InsufficientFundsError) {
    title = "Not enough AITBC";
    hint = hints.insufficientFunds ?? "Buy AITBC on the Trade Exchange, or lower the amount.";
  } else if (e instanceof NotFoundError) {
    title = "Not found";
    hint = hints.notFound ?? null;
  } else if (e instanceof ValidationError) {
    title = "Please check the form";
    const fields = e.fieldErrors;
    if (fields.length)
      extra = h(
        "ul",
        { class: "field-errors" },
        fields.map((f) =>
          h("li", null, h("code", null, f.field.replace(/^body\./, "")), " ", f.message),
        ),
      );
  } else if (e instanceof UnprocessableError) {
    if (e.code === "bond_required") {
      title = "A provider bond is needed first";
      hint = [
        "Lock one on chain with ",
        h("code", null, "aitbc bond lock <amount>"),
        " (the message names the amount), then submit again.",
      ];
    }
    if (e.reasons.length)
      extra = h(
        "ul",
        { class: "field-errors" },
        e.reasons.map((r) =>
          h(
            "li",
            null,
            h("strong", null, r.filter),
            ": ",
            r.message,
            r.excluded.length ? ` (excluded: ${r.excluded.join(", ")})` : "",
          ),
        ),
      );
  } else if (e instanceof RateLimitError) {
    title = "Too many requests";
    hint = `Wait ${e.retryAfterSeconds ?? 1} s and try again.`;
  } else if (e instanceof NetworkError) {
    title = "Could not reach the service";
    hint = "Is the stack running? Start it with npm start, then check it with npx aitbc health.";
  } else if (e instanceof ServerError) {
    title = "The server failed";
    hint = e.requestId ? `Report request id ${e.requestId}.` : "Try again in a moment.";
  }

  return notice("error", title, [
    e.problem.detail ? h("p", null, e.problem.detail) : null,
    extra,
    hint ? h("p", { class: "hint" }, hint) : null,
    h("p", { class: "problem-code" }, `code: ${e.code}${e.status ? ` · HTTP ${e.status}` : ""}`),
  ]);
}

export function notice(
  kind: "error" | "success" | "info" | "warning",
  title: Child,
  body: Child = null,
): HTMLElement {
  return h(
    "div",
    { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" },
    h("strong", { class: "notice-title" }, title),
    body ? h("div", { class: "notice-body" }, body) : null,
  );
}
