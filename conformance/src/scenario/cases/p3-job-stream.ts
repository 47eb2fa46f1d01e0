// Step 3.3 (WebSocket): ws://…:18000/v1/jobs/{job_id}/stream sends the job's events in order, and
// a client that resumes with the last seq it saw misses nothing. Prism does not mock WebSockets,
// so against a mock there is nothing to walk.
import { streamJobEvents, type JobEvent } from "@aitbc/sdk";
import type { ScenarioCase } from "../scenario-case.js";
import type { ScenarioContext } from "../scenario-context.js";

async function collect(ctx: ScenarioContext, jobId: string, lastSeq: number): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  const stream = streamJobEvents(jobId, {
    coordinatorUrl: ctx.coordinatorUrl,
    apiKey: ctx.keyOf("customer"),
    lastSeq,
    signal: AbortSignal.timeout(ctx.pollTimeoutMs),
  });
  for await (const event of stream) events.push(event);
  return events;
}

export const jobStream: ScenarioCase = {
  id: "3.3b",
  title: "The customer replays the job's event stream over WebSocket",
  needsRealState: true,
  thenChecks:
    "events arrive with seq 1, 2, 3… without gaps and end with the result; resuming after the last-but-one seq gives only the result",
  async given(ctx) {
    ctx.need("jobId");
  },
  async when(ctx) {
    if (ctx.isMock) return;
    ctx.scratch.events = await collect(ctx, ctx.need("jobId"), 0);
  },
  async then(ctx) {
    const jobId = ctx.need("jobId");
    const events = ctx.scratch.events as JobEvent[];
    const seqs = events.map((e) => e.seq);
    ctx.check(
      "the events are numbered 1, 2, 3… without gaps",
      seqs.length > 0 && seqs.every((s, i) => s === i + 1),
      seqs.join(","),
    );
    ctx.check(
      "every event is about this job",
      events.every((e) => e.job_id === jobId),
      `${events.length} events`,
    );
    const last = events.at(-1);
    ctx.check("the last event is the result", last?.type === "result", String(last?.type));
    if (!last) return;
    const resumed = await collect(ctx, jobId, last.seq - 1);
    ctx.check(
      "resuming after the last-but-one seq replays only the result",
      resumed.length === 1 && resumed[0]?.seq === last.seq && resumed[0]?.type === "result",
      resumed.map((e) => `${e.seq}:${e.type}`).join(","),
    );
  },
};
