// The WebSocket channel checks against a small real server standing in for the coordinator's job
// stream and the node's client feed. It sends the AsyncAPI documents' own example messages: a
// conforming server passes, and each kind of violation is a FAIL that says what broke. Against a
// mock or through a proxy the channels are SKIPs that say why, never passes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { runChannels } from "../src/channels/run-channels.js";
import type { TargetMode } from "../src/contract/run-contract.js";
import { loadAsyncApiDocuments } from "../src/spec/asyncapi-documents.js";
import { quietReporter } from "./helpers.js";

const ADMIN = "admin-key";
const CUSTOMER = "customer-key";
const JOB = "707c75d0910e49e2965196bce0127ba1";
const asyncDocuments = loadAsyncApiDocuments();

type Payload = Record<string, unknown>;
function example(document: string, channel: string, message: string): Payload {
  const doc = asyncDocuments.find((d) => d.name === document)!.doc;
  const messages = doc.channels![channel]!.messages as Record<
    string,
    { examples: Array<{ payload: Payload }> }
  >;
  return structuredClone(messages[message]!.examples[0]!.payload);
}

/** The job's events as the spec's examples show them, numbered 1, 2, 3. */
function jobEvents(): Payload[] {
  return [
    example("job-stream", "jobStream", "jobStatus"),
    example("job-stream", "jobStream", "jobProgress"),
    example("job-stream", "jobStream", "jobResult"),
  ].map((e, i) => ({ ...e, seq: i + 1, job_id: JOB }));
}

interface Behaviour {
  events?: Payload[];
  /** Serve the stream without checking the key. */
  ignoreKey?: boolean;
}

let server: Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
});

async function start(behaviour: Behaviour = {}): Promise<string> {
  const events = behaviour.events ?? jobEvents();
  server = createServer((req, res) => {
    const ok = req.url?.startsWith("/v1/admin/jobs") && req.headers["x-api-key"] === ADMIN;
    res.writeHead(ok ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(ok ? { jobs: [{ job_id: JOB, status: "completed" }] } : {}));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/api/v1/ws") {
        for (let i = 0; i < 3; i++) ws.send(JSON.stringify(example("p2p", "clientFeed", "head")));
        return;
      }
      const lastSeq = url.searchParams.get("last_seq") ?? "0";
      const key = req.headers["x-api-key"];
      if (!/^\d+$/.test(lastSeq)) return ws.close(4400, "validation_failed");
      if (!behaviour.ignoreKey && key !== ADMIN && key !== CUSTOMER)
        return ws.close(4401, "unauthorized");
      if (url.pathname !== `/v1/jobs/${JOB}/stream`) return ws.close(4404, "not_found");
      for (const e of events.filter((x) => Number(x.seq) > Number(lastSeq)))
        ws.send(JSON.stringify(e));
      ws.close(1000, "result sent");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function check(url: string, mode: TargetMode = "real") {
  const reporter = quietReporter();
  await runChannels({
    asyncDocuments,
    targets: { coordinator: { baseUrl: url, mode }, node: { baseUrl: url, mode } },
    credentials: { adminKey: ADMIN, customerKey: CUSTOMER },
    reporter,
    timeoutMs: 5_000,
  });
  return reporter.results.map((r) => `${r.outcome} ${r.scope} ${r.subject} → ${r.detail}`);
}

const STREAM = "WS /v1/jobs/{job_id}/stream (jobStream)";

describe("WebSocket channel checks", () => {
  it("pass a server whose refusals and messages are as documented", async () => {
    expect(await check(await start())).toEqual([
      `PASS job-stream ${STREAM} [no key] → closed 4401 unauthorized`,
      `PASS job-stream ${STREAM} [a job that does not exist] → closed 4404 not_found`,
      `PASS job-stream ${STREAM} [last_seq breaking its schema] → closed 4400 validation_failed`,
      `PASS job-stream ${STREAM} [job ${JOB}, completed, from last_seq 0] → each valid against its schema: 1 jobStatus, 1 jobProgress, 1 jobResult; seq 1…3; closed 1000 result sent`,
      "PASS p2p WS /api/v1/ws (clientFeed) → 3 messages, each valid against its schema: 3 head",
      "SKIP p2p WS /p2p (p2p) → gossip between validators (hello handshake with the genesis); not a client channel",
    ]);
  });

  it("fail an event that breaks its message schema, naming the field", async () => {
    const events = jobEvents();
    delete (events[1]!.data as Payload).text;
    const lines = await check(await start({ events }));
    expect(lines.filter((l) => l.startsWith("FAIL"))).toEqual([
      `FAIL job-stream ${STREAM} [job ${JOB}, completed, from last_seq 0] → message 2 does not match jobProgress: /data must have required property 'text'`,
    ]);
  });

  it("fail a gap in the sequence numbers and a stream that does not end with the result", async () => {
    const events = jobEvents().slice(0, 2);
    events[1]!.seq = 3;
    const lines = await check(await start({ events }));
    expect(lines.filter((l) => l.startsWith("FAIL"))).toEqual([
      `FAIL job-stream ${STREAM} [job ${JOB}, completed, from last_seq 0] → seq 1,3 is not 1, 2, 3…; the last event is not the result (1 jobStatus, 1 jobProgress; seq 1…2; closed 1000 result sent)`,
    ]);
  });

  it("fail a stream that serves a caller without a key", async () => {
    const lines = await check(await start({ ignoreKey: true }));
    expect(lines.filter((l) => l.startsWith("FAIL"))).toEqual([
      `FAIL job-stream ${STREAM} [no key] → expected close 4401 unauthorized without messages, got closed 4404 not_found`,
    ]);
  });

  it("skip the channels against a mock and through a proxy, saying why", async () => {
    const url = "http://127.0.0.1:9";
    expect((await check(url, "mock")).slice(0, 2)).toEqual([
      `SKIP job-stream ${STREAM} → Prism mocks have no WebSockets: the channel is not checked against a mock`,
      "SKIP p2p WS /api/v1/ws (clientFeed) → Prism mocks have no WebSockets: the channel is not checked against a mock",
    ]);
    expect((await check(url, "proxy"))[0]).toBe(
      `SKIP job-stream ${STREAM} → Prism's proxy does not carry WebSockets: point --coordinator at the implementation to check it`,
    );
  });
});
