// Following a job live over the coordinator's WebSocket stream (the SDK's streamJobEvents, which
// resumes from the last seq after a dropped connection): status changes as lines, tokens as they
// arrive, and the result with its payment at the end.
import { streamJobEvents, type AitbcClient, type JobEvent, type JobResultEvent } from "@aitbc/sdk";
import type { Output } from "../output/output.js";
import { aitbc, state } from "../output/format.js";

export interface WatchOutcome {
  status: string;
  result: JobResultEvent["data"] | undefined;
  events: number;
}

export async function watchJob(
  client: AitbcClient,
  jobId: string,
  out: Output,
  signal: AbortSignal,
): Promise<WatchOutcome> {
  const stream = streamJobEvents(jobId, { client, signal });
  let inTokens = false;
  let events = 0;
  let status = "queued";
  let result: JobResultEvent["data"] | undefined;
  const endTokens = () => {
    if (inTokens) out.line();
    inTokens = false;
  };
  out.progress(`waiting for events of job ${jobId}…`);
  for await (const event of stream as AsyncIterable<JobEvent>) {
    events++;
    out.event(event);
    if (event.type === "status") {
      endTokens();
      status = event.data.status;
      const extra = event.data.miner_id
        ? ` (miner ${event.data.miner_id})`
        : event.data.reason
          ? ` (${event.data.reason})`
          : "";
      out.line(`[${event.seq}] ${state(event.data.status)}${extra}`);
    } else if (event.type === "progress") {
      if (event.data.kind === "token") {
        if (!inTokens) out.write(`[${event.seq}] output: `);
        inTokens = true;
        out.write(event.data.text);
      } else {
        endTokens();
        out.line(`[${event.seq}] log: ${event.data.text}`);
      }
    } else {
      endTokens();
      status = event.data.status;
      result = event.data;
      const pay = event.data.payment;
      const money = !pay
        ? ""
        : pay.status === "locked"
          ? ` — ${aitbc(pay.paid)} to the provider, ${aitbc(pay.refund)} back to you (settling on chain…)`
          : ` — payment ${pay.status}: paid ${aitbc(pay.paid)}, refund ${aitbc(pay.refund)}`;
      out.line(`[${event.seq}] result: ${state(event.data.status)}${money}`);
      if (event.data.failure)
        out.line(`      ${event.data.failure.code}: ${event.data.failure.message}`);
    }
  }
  endTokens();
  return { status, result, events };
}
