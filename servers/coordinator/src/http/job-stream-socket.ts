// ws://…/v1/jobs/{job_id}/stream: the job's stored events after `last_seq`, then live ones, in seq
// order, ending with the result event. A subscriber re-reads the stored events whenever the job
// signals (in-process or over LISTEN/NOTIFY) and every few seconds, so nothing is missed even if a
// signal is. Refusals close the socket with 4000 + the HTTP status and the problem code, because
// browsers cannot read the status of a refused upgrade.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { readUpgradeApiKey, type Logger } from "@aitbc/server-lib";
import type { JobsRepo } from "../data/jobs-repo.js";
import type { JobEventsRepo } from "../data/job-events-repo.js";
import type { SignalBus } from "../domain/events/signal-bus.js";
import { actsForCustomer } from "../domain/accounts/caller.js";
import type { Authenticator } from "./auth.js";

const PATH = /^\/v1\/jobs\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\/stream$/;
const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

export interface JobStreamServer {
  /** Closes every subscription with 1001 (going away); clients resume elsewhere. */
  close(): void;
}

export function attachJobStream(
  server: Server,
  deps: {
    auth: Authenticator;
    jobs: JobsRepo;
    events: JobEventsRepo;
    bus: SignalBus;
    logger: Logger;
    /** Without a wake-up signal, subscribers look for new events this often. */
    recheckMs: number;
  },
): JobStreamServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://x");
    const match = PATH.exec(url.pathname);
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      void subscribe(ws, req, match[1]!, url).catch((err) => {
        deps.logger.error({ err }, "job stream failed");
        refuse(ws, 500, "internal_error");
      });
    });
  };
  server.on("upgrade", onUpgrade);

  async function subscribe(ws: WebSocket, req: IncomingMessage, jobId: string, url: URL) {
    const lastSeqText = url.searchParams.get("last_seq");
    if (lastSeqText !== null && !/^\d{1,9}$/.test(lastSeqText))
      return refuse(ws, 400, "validation_failed");
    const caller = await deps.auth.resolve(readUpgradeApiKey(req));
    if (!caller) return refuse(ws, 401, "unauthorized");
    const job = await deps.jobs.byId(jobId);
    if (!job || job.status === "pending" || !actsForCustomer(caller, job))
      return refuse(ws, 404, "not_found");

    let sent = lastSeqText === null ? 0 : Number(lastSeqText);
    let pumping = false;
    let again = false;
    let closed = false;
    const finish = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      off();
      clearInterval(timer);
      ws.close(code, reason);
    };
    const pump = async (): Promise<void> => {
      if (closed) return;
      if (pumping) {
        again = true;
        return;
      }
      pumping = true;
      try {
        for (;;) {
          again = false;
          const batch = await deps.events.after(jobId, sent, 500);
          for (const e of batch) {
            if (closed) return;
            ws.send(JSON.stringify(e));
            sent = e.seq;
            if (e.type === "result") return finish(1000, "result sent");
          }
          if (batch.length === 500 || again) continue;
          if (batch.length === 0) {
            const now = await deps.jobs.byId(jobId);
            // Already past the end (a resume after the result): nothing more will come.
            if (now && TERMINAL.has(now.status) && sent >= now.lastSeq)
              return finish(1000, "no more events");
          }
          return;
        }
      } finally {
        pumping = false;
      }
    };
    const off = deps.bus.on("job", jobId, () => void pump().catch(onError));
    const timer = setInterval(() => void pump().catch(onError), deps.recheckMs);
    timer.unref();
    const onError = (err: unknown) => {
      deps.logger.error({ err, job_id: jobId }, "job stream read failed");
      finish(1011, "internal error");
    };
    ws.on("close", () => {
      closed = true;
      off();
      clearInterval(timer);
    });
    ws.on("error", () => undefined);
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    await pump();
  }

  function refuse(ws: WebSocket, status: number, code: string) {
    ws.close(4000 + status, code);
  }

  const sockets = new Set<WebSocket>();
  return {
    close() {
      server.off("upgrade", onUpgrade);
      for (const ws of sockets) ws.close(1001, "server shutting down");
      wss.close();
    },
  };
}
