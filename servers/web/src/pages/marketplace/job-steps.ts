// The job's progress as steps: queued → assigned → running → completed (or how it ended).
import { h } from "../common/dom.js";

const STEPS = ["queued", "assigned", "running", "completed"] as const;
const ENDINGS = new Set(["failed", "expired", "cancelled"]);

export function jobSteps(status: string): HTMLElement {
  const ended = ENDINGS.has(status);
  const at = ended ? -1 : STEPS.indexOf(status as (typeof STEPS)[number]);
  return h(
    "ol",
    { class: "stepper", id: "job-steps", "data-status": status },
    STEPS.map((step, i) => {
      const cls =
        status === "completed" || i < at
          ? "done"
          : i === at
            ? "current"
            : ended && i === STEPS.length - 1
              ? "failed"
              : "";
      return h("li", { class: cls }, ended && i === STEPS.length - 1 ? status : step);
    }),
  );
}
