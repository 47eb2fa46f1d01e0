// Phase 3.3 and 3.4: a job, live. Tokens stream in over the job's WebSocket as the miner produces
// them; at the end the page shows the result, verifies the signed receipt, follows the payment to
// its settlement on the chain, and offers the review form.
import { NotFoundError, streamJobEvents, type CoordinatorTypes, type JobEvent } from "@aitbc/sdk";
import { append, fill, h } from "../common/dom.js";
import { aitbc, dateTime, duration } from "../common/format.js";
import { every } from "../common/poll.js";
import { notice, problemNotice } from "../common/problems.js";
import type { RouteContext } from "../common/router.js";
import type { Session } from "../common/session.js";
import { card, definitionList, emptyState, statusBadge } from "../common/widgets.js";
import { jobSteps } from "./job-steps.js";
import { paymentPanel } from "./payment-panel.js";
import { receiptPanel } from "./receipt-panel.js";
import { reviewForm } from "./review-form.js";
import { priceLine } from "./price-text.js";

const FINAL = new Set(["completed", "failed", "expired", "cancelled"]);

export async function jobView(session: Session, ctx: RouteContext): Promise<Node> {
  const jobId = ctx.params[0]!;
  if (!session.apiKey)
    return emptyState(
      "Sign in to see this job",
      "Jobs are private: paste the API key of the customer who submitted it in the box at the top right.",
    );
  const api = session.client.coordinator;
  let job: CoordinatorTypes.Job;
  try {
    job = await api.getJobStatus({ path: { job_id: jobId } });
  } catch (err) {
    if (err instanceof NotFoundError)
      return emptyState(
        "No such job",
        "There is no job with this id that your key may see. Jobs are visible to their customer, the provider running them and admins.",
        h("a", { class: "btn btn-ghost", href: "#/jobs" }, "My jobs"),
      );
    throw err;
  }
  const requirements = job.requirements as Partial<CoordinatorTypes.InferenceRequirements> & {
    task_type: string;
  };

  const statusSlot = h("span", { id: "job-status" });
  const stepsSlot = h("div");
  const live = h("pre", { id: "live-output", class: "live-output", "aria-live": "polite" });
  const liveMeta = h(
    "div",
    { class: "small muted", id: "stream-meta" },
    "Connecting to the job stream…",
  );
  const logs = h("ul", { class: "job-logs", id: "job-logs" });
  const streamNotice = h("div");
  const resultBody = h(
    "div",
    { id: "job-result" },
    h("p", { class: "muted" }, "The result appears here when the job completes."),
  );
  const receipt = receiptPanel(session);
  const payment = paymentPanel(session);
  const reviewSlot = h("div");
  let streamed = 0;
  let reviewShown = false;

  const setStatus = (status: string) => {
    fill(statusSlot, statusBadge(status));
    statusSlot.dataset.status = status;
    fill(stepsSlot, jobSteps(status));
    live.classList.toggle("streaming", status === "running");
  };
  setStatus(job.status);
  payment.show(job.payment);

  const showResults = (r: CoordinatorTypes.JobResults) => {
    setStatus(r.status);
    payment.show(r.payment);
    if (r.result) {
      fill(
        resultBody,
        h("pre", { id: "result-output" }, r.result.output.text),
        definitionList([
          ["Finish reason", r.result.output.finish_reason],
          ["Run time", duration(r.result.metering.duration_ms)],
          ["Tokens in / out", `${r.result.metering.tokens_in} / ${r.result.metering.tokens_out}`],
          ["Model", r.result.model ?? "—"],
          ["Miner", h("code", null, r.result.miner_id)],
        ]),
      );
    } else if (r.failure) {
      fill(
        resultBody,
        notice("error", `Job ${r.status}: ${r.failure.code}`, [
          r.failure.message,
          " Your budget is refunded in full.",
        ]),
      );
    } else if (FINAL.has(r.status)) {
      fill(
        resultBody,
        notice(
          "info",
          `Job ${r.status}`,
          "Nothing ran to completion; your budget is refunded in full.",
        ),
      );
    }
    void receipt.show(r);
    if (r.status === "completed" && !reviewShown && session.role === "customer") {
      reviewShown = true;
      fill(reviewSlot, reviewForm(session, job));
    }
  };

  const onEvent = (ev: JobEvent) => {
    streamed++;
    if (ev.type === "status") setStatus(ev.data.status);
    else if (ev.type === "progress") {
      if (ev.data.kind === "token") live.appendChild(document.createTextNode(ev.data.text));
      else append(logs, [h("li", null, ev.data.text)]);
    } else setStatus(ev.data.status);
    liveMeta.dataset.events = String(streamed);
    fill(
      liveMeta,
      `${streamed} live event${streamed === 1 ? "" : "s"} received`,
      ev.type === "result" ? " · stream finished" : "",
    );
  };

  // The stream first, then the results; the results are polled until the payment settles.
  void (async () => {
    try {
      const stream = streamJobEvents(jobId, {
        coordinatorUrl: session.config.coordinator,
        apiKey: session.apiKey,
        signal: ctx.signal,
      });
      for await (const ev of stream) onEvent(ev);
    } catch (err) {
      if (ctx.signal.aborted) return;
      fill(streamNotice, problemNotice(err));
      fill(liveMeta, "Live stream unavailable; following the job by polling instead.");
    }
    if (ctx.signal.aborted) return;
    const done = new AbortController();
    ctx.signal.addEventListener("abort", () => done.abort(), { once: true });
    every(
      1000,
      async () => {
        const r = await api.getJobResults({ path: { job_id: jobId } });
        if (done.signal.aborted) return;
        showResults(r);
        if (FINAL.has(r.status) && r.payment.status !== "locked") done.abort();
      },
      done.signal,
      (err) => fill(streamNotice, problemNotice(err)),
    );
  })();

  return h(
    "section",
    { class: "page", id: "job-detail", "data-job-id": jobId },
    h(
      "a",
      { href: `#/services/${encodeURIComponent(job.service_id)}`, class: "small" },
      "← Service ",
      job.service_id,
    ),
    h(
      "div",
      { class: "page-head" },
      h(
        "div",
        null,
        h("h1", null, "Job ", h("code", { class: "job-id" }, jobId)),
        h(
          "p",
          null,
          "Submitted ",
          dateTime(job.created_at),
          " · expires ",
          dateTime(job.expires_at),
        ),
      ),
      statusSlot,
    ),
    stepsSlot,
    streamNotice,
    h(
      "div",
      { class: "grid-2" },
      h(
        "div",
        { class: "stack" },
        card("Live output", h("div", null, live, liveMeta, logs), { id: "live-card" }),
        card("Result", resultBody, { id: "result-card" }),
        receipt.el,
      ),
      h(
        "div",
        { class: "stack" },
        card(
          "Job",
          definitionList([
            [
              "Service",
              h("a", { href: `#/services/${encodeURIComponent(job.service_id)}` }, job.service_id),
            ],
            ["Provider", job.provider_id],
            ["Task", requirements.task_type],
            ["Model", requirements.model ?? "—"],
            ["Prompt", requirements.prompt ?? "—"],
            ["Budget", aitbc(job.budget.max_cost)],
            ["Price", h("span", { id: "job-price" }, priceLine(job.pricing))],
          ]),
        ),
        payment.el,
        reviewSlot,
      ),
    ),
  );
}
