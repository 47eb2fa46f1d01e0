// The contract level: every operation of every bundled OpenAPI document is called once with a
// schema-valid request and a few times with invalid ones, and every response must be documented
// and schema-valid. Against a mock a valid request must succeed (2xx); against a real server any
// documented status below 500 passes (401/403/404 are legitimate answers for keys and example ids
// the server does not know). Invalid requests must get a documented 4xx with a Problem body.
// Through a Prism proxy (`prism proxy --errors`) the real keys are sent and valid requests must
// reach the server; an invalid one may instead be refused by the proxy itself, and that is
// reported as such (never as the server's answer).
import { runChannels } from "../channels/run-channels.js";
import { MOCK_CREDENTIALS, type Credentials } from "../config/credentials.js";
import type { Reporter } from "../report/reporter.js";
import { DocumentValidator } from "../schema/validator.js";
import type { LoadedAsyncApiDocument } from "../spec/asyncapi-documents.js";
import type { LoadedDocument } from "../spec/documents.js";
import { listOperations, type Operation } from "../spec/operations.js";
import type { TargetMode } from "../mock/detect-target.js";
import type { ContractTarget } from "./contract-target.js";
import { checkResponse } from "./check-response.js";
import { send, type BuiltRequest, type HttpExchange } from "./http-exchange.js";
import { buildInvalidVariants } from "./invalid-requests.js";
import { prismAnswer } from "./prism-answer.js";
import { buildValidRequest } from "./valid-request.js";

export type { TargetMode };

export type { ContractTarget };

export interface ContractOptions {
  documents: LoadedDocument[];
  /** Where each document's service runs, by document name; a missing one is skipped. */
  targets: Record<string, ContractTarget | undefined>;
  credentials: Credentials;
  reporter: Reporter;
  timeoutMs?: number;
  /** AsyncAPI documents whose client WebSocket channels are checked after the operations. */
  asyncDocuments?: LoadedAsyncApiDocument[];
}

export async function runContract(options: ContractOptions): Promise<void> {
  const { reporter } = options;
  for (const loaded of options.documents) {
    const target = options.targets[loaded.name];
    const operations = listOperations(loaded);
    if (!target) {
      reporter.skip("contract", loaded.name, `${operations.length} operations`, "no URL given");
      continue;
    }
    const validator = new DocumentValidator(loaded.name, loaded.doc);
    const credentials = target.mode === "mock" ? MOCK_CREDENTIALS : options.credentials;
    for (const op of operations) {
      await checkOperation(loaded, validator, op, target, credentials, options);
    }
  }
  if (options.asyncDocuments?.length) {
    await runChannels({
      asyncDocuments: options.asyncDocuments,
      targets: options.targets,
      credentials: options.credentials,
      reporter,
      timeoutMs: options.timeoutMs,
    });
  }
}

async function checkOperation(
  loaded: LoadedDocument,
  validator: DocumentValidator,
  op: Operation,
  target: ContractTarget,
  credentials: Credentials,
  options: ContractOptions,
): Promise<void> {
  const { reporter } = options;
  const scope = loaded.name;
  const { request, problems } = buildValidRequest(loaded.doc, validator, op, credentials);
  for (const problem of problems) reporter.fail("contract", scope, op.label, `spec: ${problem}`);

  const exchange = await call(target, request, options, scope, op.label);
  if (!exchange) return;
  const check = checkResponse(op, validator, exchange);
  const status = exchange.status;
  const byProxy = target.mode === "proxy" ? prismAnswer(exchange) : undefined;
  if (byProxy) {
    const what =
      byProxy.about === "request"
        ? "the proxy refused a valid request before it reached the server"
        : byProxy.about === "response"
          ? "the proxy found that the server's answer breaks the spec"
          : "the proxy answered instead of the server";
    reporter.fail(
      "contract",
      scope,
      op.label,
      `${what}: ${status} ${byProxy.error}: ${byProxy.details}`,
    );
  } else if (!check.ok) {
    reporter.fail("contract", scope, op.label, check.detail);
  } else if (target.mode === "mock" && (status < 200 || status > 299)) {
    reporter.fail("contract", scope, op.label, `a valid request got ${check.detail}`);
  } else if (status >= 500) {
    reporter.fail(
      "contract",
      scope,
      op.label,
      `a valid request got a server error: ${check.detail}`,
    );
  } else {
    reporter.pass("contract", scope, op.label, check.detail);
  }

  for (const variant of buildInvalidVariants(loaded.doc, validator, op, request)) {
    const subject = `${op.label} [${variant.name}]`;
    const bad = await call(target, variant.request, options, scope, subject);
    if (!bad) continue;
    const badCheck = checkResponse(op, validator, bad);
    const refusedByProxy = target.mode === "proxy" ? prismAnswer(bad) : undefined;
    if (refusedByProxy) {
      if (refusedByProxy.about === "request" && bad.status >= 400 && bad.status < 500) {
        reporter.pass(
          "contract",
          scope,
          subject,
          `${bad.status} rejected by the proxy before reaching the server (Prism ${refusedByProxy.error}: ${refusedByProxy.details})`,
        );
      } else {
        reporter.fail(
          "contract",
          scope,
          subject,
          `the proxy answered ${bad.status} ${refusedByProxy.error}: ${refusedByProxy.details}`,
        );
      }
    } else if (bad.status < 400 || bad.status > 499) {
      reporter.fail(
        "contract",
        scope,
        subject,
        `expected a documented 4xx, got ${badCheck.detail}`,
      );
    } else if (!badCheck.ok) {
      reporter.fail("contract", scope, subject, badCheck.detail);
    } else if (!isProblem(bad, badCheck.body)) {
      reporter.fail(
        "contract",
        scope,
        subject,
        `${bad.status} is not application/problem+json with a code (${bad.contentType})`,
      );
    } else {
      const code = (badCheck.body as { code: string }).code;
      reporter.pass("contract", scope, subject, `${bad.status} problem ${code}`);
    }
  }
}

async function call(
  target: ContractTarget,
  request: BuiltRequest,
  options: ContractOptions,
  scope: string,
  subject: string,
): Promise<HttpExchange | undefined> {
  try {
    return await send(target.baseUrl, request, options.timeoutMs);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    options.reporter.fail(
      "contract",
      scope,
      subject,
      `no response from ${target.baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
    );
    return undefined;
  }
}

function isProblem(exchange: HttpExchange, body: unknown): boolean {
  return (
    exchange.contentType === "application/problem+json" &&
    body !== null &&
    typeof body === "object" &&
    typeof (body as { code?: unknown }).code === "string"
  );
}
