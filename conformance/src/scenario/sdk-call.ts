// Calls one operation through the generated SDK client, found by the operationId the spec gives
// the documented method and path, and captures what came back (status, content type, body, and the
// error the SDK raised) so the response can be checked against the spec.
import { AitbcError, type AitbcClient } from "@aitbc/sdk";
import type { Operation } from "../spec/operations.js";

export interface CallInput {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
}

export interface CallOutcome {
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** The error the SDK raised for a non-2xx answer (undefined on success). */
  error: AitbcError | undefined;
}

type SdkMethod = (options: Record<string, unknown>) => Promise<{
  data?: unknown;
  error?: unknown;
  response?: Response;
}>;

export function sdkMethod(
  client: AitbcClient,
  service: string,
  op: Operation,
): SdkMethod | undefined {
  const api = (client as unknown as Record<string, Record<string, unknown>>)[service];
  const fn = api?.[op.operationId];
  return typeof fn === "function" ? (fn.bind(api) as SdkMethod) : undefined;
}

export async function callThroughSdk(method: SdkMethod, input: CallInput): Promise<CallOutcome> {
  const result = await method({
    path: input.path,
    query: input.query,
    body: input.body,
    responseStyle: "fields",
    throwOnError: false,
  });
  const error = result.error instanceof AitbcError ? result.error : undefined;
  if (!result.response) {
    throw error ?? new Error(`no response: ${String(result.error)}`);
  }
  const rawType = result.response.headers.get("content-type");
  const contentType = rawType ? rawType.split(";")[0]!.trim().toLowerCase() : undefined;
  const body = result.response.ok ? result.data : (error?.problem ?? result.error);
  return { status: result.response.status, contentType, body, error };
}
