// createAitbcClient against real local HTTP servers: each service's calls go to its own URL with
// the API key, answers are parsed, problem+json becomes the matching AitbcError, and POSTs made
// through the generated client carry one Idempotency-Key across retries.
import { afterEach, describe, expect, it } from "vitest";
import { createAitbcClient, DEFAULT_URLS } from "../src/client.js";
import {
  AuthenticationError,
  InsufficientFundsError,
  NetworkError,
  NotFoundError,
  ValidationError,
} from "../src/errors.js";
import { hangUp, problem, reply, startLocalServer, type LocalServer } from "./local-server.js";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(...args: Parameters<typeof startLocalServer>): Promise<LocalServer> {
  const s = await startLocalServer(...args);
  servers.push(s);
  return s;
}

const health = (service: string) => reply(200, { status: "ok", service, version: "0.1.0" });
const JOB = {
  requirements: {
    task_type: "inference" as const,
    model: "aitbc-tiny:latest",
    prompt: "Hello AITBC",
  },
  budget: { max_cost: 5, currency: "AITBC" as const },
};

describe("createAitbcClient", () => {
  it("sends each service's calls to its own URL with the API key", async () => {
    const [c, n, w, e] = await Promise.all([
      server(health("coordinator")),
      server(health("node")),
      server(health("wallet")),
      server(health("exchange")),
    ]);
    const client = createAitbcClient({
      coordinatorUrl: c!.url + "/",
      nodeUrl: n!.url,
      walletUrl: w!.url,
      exchangeUrl: e!.url,
      apiKey: "customer-api-key",
    });
    expect(await client.coordinator.getHealth()).toMatchObject({ service: "coordinator" });
    expect(await client.node.getHealth()).toMatchObject({ service: "node" });
    expect(await client.wallet.getHealth()).toMatchObject({ service: "wallet" });
    expect(await client.exchange.getHealth()).toMatchObject({ service: "exchange" });
    expect(c!.received[0]).toMatchObject({ method: "GET", url: "/v1/health" });
    expect(n!.received[0]!.url).toBe("/api/v1/health");
    for (const s of [c, n, w, e])
      expect(s!.received[0]!.headers["x-api-key"]).toBe("customer-api-key");
  });

  it("uses the default ports when no URLs are given", () => {
    const client = createAitbcClient();
    expect(client.options).toMatchObject(DEFAULT_URLS);
    expect(DEFAULT_URLS).toEqual({
      coordinatorUrl: "http://127.0.0.1:18000",
      nodeUrl: "http://127.0.0.1:19000",
      walletUrl: "http://127.0.0.1:20000",
      exchangeUrl: "http://127.0.0.1:23000",
    });
  });

  it("withApiKey switches the key (or drops it) and keeps everything else", async () => {
    const c = await server(health("coordinator"));
    const customer = createAitbcClient({
      coordinatorUrl: c.url,
      apiKey: "customer",
      headers: { "X-Trace": "t1" },
    });
    await customer.withApiKey("provider").coordinator.getHealth();
    await customer.withApiKey(undefined).coordinator.getHealth();
    await customer.coordinator.getHealth();
    expect(c.received.map((r) => r.headers["x-api-key"])).toEqual([
      "provider",
      undefined,
      "customer",
    ]);
    expect(c.received.every((r) => r.headers["x-trace"] === "t1")).toBe(true);
  });

  it.each([
    [400, "validation_failed", ValidationError],
    [401, "unauthorized", AuthenticationError],
    [402, "insufficient_funds", InsufficientFundsError],
    [404, "not_found", NotFoundError],
  ] as const)("turns a %i %s problem into %s with its details", async (status, code, cls) => {
    const c = await server(
      reply(status, problem(status, code, { request_id: "req-7", detail: "say what to do" })),
    );
    const client = createAitbcClient({ coordinatorUrl: c.url, apiKey: "k" });
    const error = await client.coordinator.createJob({ body: JOB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ status, code, requestId: "req-7", message: "say what to do" });
  });

  it("makes POSTs through the generated client idempotent across retries", async () => {
    const c = await server([
      reply(503, problem(503, "unavailable")),
      reply(201, { job_id: "707c75d0910e49e2965196bce0127ba1", status: "queued" }),
    ]);
    const client = createAitbcClient({
      coordinatorUrl: c.url,
      apiKey: "k",
      http: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const job = await client.coordinator.createJob({ body: JOB });
    expect(job).toMatchObject({ status: "queued" });
    expect(c.received).toHaveLength(2);
    const [first, second] = c.received;
    expect(first!.headers["idempotency-key"]).toBeDefined();
    expect(second!.headers["idempotency-key"]).toBe(first!.headers["idempotency-key"]);
    expect(JSON.parse(second!.body)).toEqual(JOB);
    expect(first!.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("raises a NetworkError (status 0) when nothing answers", async () => {
    const c = await server(hangUp);
    const client = createAitbcClient({ coordinatorUrl: c.url, http: { retries: 0 } });
    const error = await client.coordinator.getHealth().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ status: 0, code: "network_error" });
    expect((error as Error).message).toContain(c.url);
  });

  it("turns a non-JSON error page into an error of its status", async () => {
    const c = await server((_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not Found</h1>");
    });
    const error = await createAitbcClient({ coordinatorUrl: c.url })
      .coordinator.getHealth()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "http_404" });
  });
});

describe("request timeout", () => {
  it("turns a coordinator that never answers into a NetworkError that names the timeout", async () => {
    const silent = await startLocalServer(() => undefined);
    try {
      const client = createAitbcClient({
        coordinatorUrl: silent.url,
        http: { retries: 0, timeoutMs: 150 },
      });
      const err = await client.coordinator.getHealth().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect((err as NetworkError).code).toBe("network_error");
      expect((err as NetworkError).message).toMatch(/no answer within 150 ms/);
    } finally {
      await silent.close();
    }
  });
});
