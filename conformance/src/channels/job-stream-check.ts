// The job stream (job-stream.asyncapi.json, channel jobStream): refusals close with 4000 + the
// HTTP status and the problem code as the reason; a subscription from last_seq 0 replays the job's
// events, each valid against its message schema, numbered 1, 2, 3… without gaps, and a finished
// job's stream ends with the result event and close code 1000. The job to subscribe to is found
// through the admin's job list, so a fresh implementation with no jobs gets a SKIP, not a PASS.
import { randomBytes } from "node:crypto";
import { send } from "../contract/http-exchange.js";
import type { ChannelCheck, ChannelCheckContext } from "./channel-check.js";
import { checkMessages } from "./check-messages.js";
import { recordWs, wsUrl, type WsRecording } from "./ws-session.js";

const TERMINAL = new Set(["completed", "failed", "expired", "cancelled"]);

interface FoundJob {
  job_id: string;
  status: string;
}

function path(ctx: ChannelCheckContext, jobId: string): string {
  return ctx.address.replace("{job_id}", encodeURIComponent(jobId));
}

function describeClose(rec: WsRecording): string {
  if (rec.error && !rec.opened) return rec.error;
  if (rec.serverClose) return `closed ${rec.serverClose.code} ${rec.serverClose.reason}`.trim();
  return rec.timedOut ? "still open at the deadline" : "closed by the client";
}

async function expectRefusal(
  ctx: ChannelCheckContext,
  variant: string,
  url: string,
  headers: Record<string, string>,
  status: number,
  code: string,
): Promise<void> {
  const subject = `${ctx.label} [${variant}]`;
  const rec = await recordWs(url, { headers, timeoutMs: Math.min(ctx.timeoutMs, 10_000) });
  const close = rec.serverClose;
  const ok = close?.code === 4000 + status && close.reason === code && rec.messages.length === 0;
  const detail = `${describeClose(rec)}${rec.messages.length ? ` after ${rec.messages.length} messages` : ""}`;
  if (ok) ctx.reporter.pass("contract", ctx.scope, subject, detail);
  else
    ctx.reporter.fail(
      "contract",
      ctx.scope,
      subject,
      `expected close ${4000 + status} ${code} without messages, got ${detail}`,
    );
}

/** A job the admin can see, finished ones first (their stream is complete and ends). */
async function findJob(
  ctx: ChannelCheckContext,
  adminKey: string,
): Promise<{ job: FoundJob } | { why: string }> {
  for (const query of [[["status", "completed"]], []] as Array<Array<[string, string]>>) {
    try {
      const exchange = await send(
        ctx.baseUrl,
        {
          method: "GET",
          path: "/v1/admin/jobs",
          query: [...query, ["limit", "1"]],
          headers: { "X-API-Key": adminKey },
          hasBody: false,
        },
        ctx.timeoutMs,
      );
      if (exchange.status !== 200)
        return { why: `GET /v1/admin/jobs answered ${exchange.status}, so no job was found` };
      const jobs = (JSON.parse(exchange.text) as { jobs?: FoundJob[] }).jobs ?? [];
      if (jobs[0]) return { job: jobs[0] };
    } catch (err) {
      return { why: `GET /v1/admin/jobs failed (${(err as Error).message})` };
    }
  }
  return { why: "GET /v1/admin/jobs lists none; run the scenario level first" };
}

export const checkJobStream: ChannelCheck = async (ctx) => {
  const { credentials, reporter } = ctx;
  const unknownJob = randomBytes(16).toString("hex");
  await expectRefusal(
    ctx,
    "no key",
    wsUrl(ctx.baseUrl, path(ctx, unknownJob)),
    {},
    401,
    "unauthorized",
  );
  const anyKey = credentials.customerKey ?? credentials.apiKey ?? credentials.adminKey;
  if (!anyKey) {
    reporter.skip("contract", ctx.scope, ctx.label, "needs an API key (--customer-key)");
    return;
  }
  await expectRefusal(
    ctx,
    "a job that does not exist",
    wsUrl(ctx.baseUrl, path(ctx, unknownJob)),
    { "X-API-Key": anyKey },
    404,
    "not_found",
  );

  const adminKey = credentials.adminKey ?? credentials.apiKey;
  if (!adminKey) {
    reporter.skip(
      "contract",
      ctx.scope,
      ctx.label,
      "needs the admin key to find a job to subscribe to",
    );
    return;
  }
  const found = await findJob(ctx, adminKey);
  if ("why" in found) {
    reporter.skip("contract", ctx.scope, ctx.label, `no job to subscribe to: ${found.why}`);
    return;
  }
  const { job } = found;
  const headers = { "X-API-Key": adminKey };
  await expectRefusal(
    ctx,
    "last_seq breaking its schema",
    wsUrl(ctx.baseUrl, path(ctx, job.job_id), { last_seq: "-1" }),
    headers,
    400,
    "validation_failed",
  );

  const finished = TERMINAL.has(job.status);
  const rec = await recordWs(wsUrl(ctx.baseUrl, path(ctx, job.job_id), { last_seq: "0" }), {
    headers,
    timeoutMs: finished ? ctx.timeoutMs : Math.min(ctx.timeoutMs, 15_000),
  });
  const subject = `${ctx.label} [job ${job.job_id}, ${job.status}, from last_seq 0]`;
  if (!rec.opened) {
    reporter.fail("contract", ctx.scope, subject, `did not open: ${describeClose(rec)}`);
    return;
  }
  const check = checkMessages(ctx.validator, ctx.messages, rec.messages);
  if (!check.ok) {
    reporter.fail("contract", ctx.scope, subject, check.detail);
    return;
  }
  const seqs = check.parsed.map((m) => m.seq);
  const problems: string[] = [];
  if (rec.messages.length === 0) problems.push("no events");
  if (!seqs.every((s, i) => s === i + 1)) problems.push(`seq ${seqs.join(",")} is not 1, 2, 3…`);
  if (!check.parsed.every((m) => m.job_id === job.job_id)) problems.push("an event of another job");
  if (finished) {
    if (check.parsed.at(-1)?.type !== "result") problems.push("the last event is not the result");
    if (rec.serverClose?.code !== 1000)
      problems.push(`after the result: ${describeClose(rec)}, expected close 1000`);
  }
  const detail = `${check.detail}; seq 1…${seqs.length}; ${describeClose(rec)}`;
  if (problems.length)
    reporter.fail("contract", ctx.scope, subject, `${problems.join("; ")} (${detail})`);
  else reporter.pass("contract", ctx.scope, subject, `each valid against its schema: ${detail}`);
};
