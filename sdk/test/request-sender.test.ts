// The request sender owns retries and idempotency keys: every POST carries an Idempotency-Key that
// stays the same across its retries (so a retried create cannot create twice), and only network
// errors, 429, 502, 503 and 504 are retried. Checked against a real local HTTP server.
import { afterEach, describe, expect, it } from "vitest";
import { createRequestSender, newIdempotencyKey } from "../src/http/request-sender.js";
import { hangUp, problem, reply, startLocalServer, type LocalServer } from "./local-server.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Tiny delays: the tests check what is sent, never how long anything takes.
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

async function post(url: string, send: typeof fetch, headers: Record<string, string> = {}) {
  return send(`${url}/v1/jobs/create`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ budget: { max_cost: 5, currency: "AITBC" } }),
  });
}

describe("createRequestSender", () => {
  it("sends one Idempotency-Key per POST and keeps it, and the body, across retries", async () => {
    server = await startLocalServer([
      reply(503, problem(503, "unavailable")),
      reply(502),
      reply(201, { job_id: "j" }),
    ]);
    const response = await post(server.url, createRequestSender(fast));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ job_id: "j" });
    expect(server.received).toHaveLength(3);
    const keys = server.received.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(server.received.map((r) => r.body)).size).toBe(1);
    expect(server.received[2]!.body).toBe('{"budget":{"max_cost":5,"currency":"AITBC"}}');
  });

  it("gives two separate POSTs different keys and keeps a key the caller chose", async () => {
    server = await startLocalServer(reply(201, {}));
    const send = createRequestSender(fast);
    await post(server.url, send);
    await post(server.url, send);
    await post(server.url, send, { "Idempotency-Key": "my-key-1" });
    const keys = server.received.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe("my-key-1");
  });

  it("adds no key to GET", async () => {
    server = await startLocalServer(reply(200, {}));
    await createRequestSender(fast)(`${server.url}/v1/health`);
    expect(server.received[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it.each([400, 401, 402, 404, 409, 422, 500])("does not retry %i", async (status) => {
    server = await startLocalServer(reply(status, problem(status, "x")));
    const response = await post(server.url, createRequestSender(fast));
    expect(response.status).toBe(status);
    expect(server.received).toHaveLength(1);
  });

  it("retries 429 honouring Retry-After (capped by maxDelayMs)", async () => {
    server = await startLocalServer([
      reply(429, problem(429, "rate_limited"), { "Retry-After": "30" }),
      reply(200, {}),
    ]);
    const response = await createRequestSender(fast)(`${server.url}/v1/services`);
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });

  it("returns the last answer once the retries are used up", async () => {
    server = await startLocalServer(reply(503, problem(503, "unavailable")));
    const response = await post(server.url, createRequestSender({ ...fast, retries: 3 }));
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe("unavailable");
    expect(server.received).toHaveLength(4);
  });

  it("retries a dropped connection with the same key", async () => {
    server = await startLocalServer([hangUp, reply(201, { ok: true })]);
    const response = await post(server.url, createRequestSender(fast));
    expect(response.status).toBe(201);
    expect(server.received).toHaveLength(2);
    expect(server.received[0]!.headers["idempotency-key"]).toBe(
      server.received[1]!.headers["idempotency-key"],
    );
  });

  it("throws the network error after the last retry", async () => {
    server = await startLocalServer(hangUp);
    await expect(post(server.url, createRequestSender({ ...fast, retries: 1 }))).rejects.toThrow(
      TypeError,
    );
    expect(server.received).toHaveLength(2);
  });

  it("retries: 0 sends exactly once", async () => {
    server = await startLocalServer(reply(503, problem(503, "unavailable")));
    await post(server.url, createRequestSender({ ...fast, retries: 0 }));
    expect(server.received).toHaveLength(1);
  });

  it("stops waiting when the caller aborts", async () => {
    server = await startLocalServer(
      reply(503, problem(503, "unavailable"), { "Retry-After": "60" }),
    );
    const controller = new AbortController();
    const send = createRequestSender({ retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 });
    const pending = send(`${server.url}/v1/health`, { signal: controller.signal });
    // Abort once the first answer has arrived and the sender is waiting to retry.
    for (
      const deadline = Date.now() + 10_000;
      server.received.length === 0 && Date.now() < deadline;
    ) {
      await new Promise((r) => setTimeout(r, 5));
    }
    controller.abort(new Error("user gave up"));
    await expect(pending).rejects.toThrow("user gave up");
    expect(server.received).toHaveLength(1);
  });

  it("gives up an attempt that gets no answer in timeoutMs and retries it with the same key", async () => {
    const silent = () => undefined;
    server = await startLocalServer([silent, reply(201, { job_id: "j" })]);
    const res = await post(
      server.url,
      createRequestSender({ ...fast, retries: 1, timeoutMs: 200 }),
    );
    expect(res.status).toBe(201);
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.headers["idempotency-key"]).toBe(
      server.received[0]!.headers["idempotency-key"],
    );
  });

  it("says which timeout fired when no attempt gets an answer", async () => {
    server = await startLocalServer(() => undefined);
    const send = createRequestSender({ ...fast, retries: 0, timeoutMs: 150 });
    await expect(send(`${server.url}/v1/health`)).rejects.toThrow(
      /no answer within 150 ms \(the SDK's request timeout, http.timeoutMs\)/,
    );
    expect(() => createRequestSender({ timeoutMs: -1 })).toThrow(RangeError);
  });

  it("uses the fetch it is given", async () => {
    const seen: string[] = [];
    const send = createRequestSender({
      ...fast,
      fetch: async (input) => {
        const req = input as Request;
        seen.push(`${req.method} ${req.headers.get("idempotency-key") ? "keyed" : "unkeyed"}`);
        return new Response("{}", { status: 200 });
      },
    });
    await send("http://example.invalid/x", { method: "POST", body: "{}" });
    expect(seen).toEqual(["POST keyed"]);
  });
});

describe("newIdempotencyKey", () => {
  it("is a fresh UUID each time", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it("is a fresh UUID without crypto.randomUUID too (browsers outside a secure context)", () => {
    // An own property shadows the prototype's method; deleting it restores the original.
    Object.defineProperty(globalThis.crypto, "randomUUID", {
      value: undefined,
      configurable: true,
    });
    try {
      const a = newIdempotencyKey();
      expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(newIdempotencyKey()).not.toBe(a);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
      expect(typeof globalThis.crypto.randomUUID).toBe("function");
    }
  });
});
