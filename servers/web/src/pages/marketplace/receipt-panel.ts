// Phase 3.4: the signed receipt, verified here in the browser with the SDK (ed25519 over the
// RFC 8785 canonical JSON), against the coordinator's published keys, and matched with the hash
// the settlement anchored on the chain.
import {
  receiptHash,
  toMicro,
  verifyReceipt,
  type CoordinatorTypes,
  type Receipt,
} from "@aitbc/sdk";
import { fill, h } from "../common/dom.js";
import { aitbc, dateTime, shortHash } from "../common/format.js";
import { problemNotice } from "../common/problems.js";
import type { Session } from "../common/session.js";
import { badge, card, definitionList, loading } from "../common/widgets.js";

interface Check {
  label: string;
  ok: boolean;
  detail?: string;
}

function checkList(checks: Check[]): HTMLElement {
  return h(
    "ul",
    { class: "checks" },
    checks.map((c) =>
      h(
        "li",
        { class: c.ok ? "check-ok" : "check-bad", "data-ok": String(c.ok) },
        h("span", { class: "check-mark", "aria-hidden": "true" }, c.ok ? "✔" : "✘"),
        h(
          "span",
          null,
          c.label,
          c.detail ? h("span", { class: "muted small" }, ` — ${c.detail}`) : null,
        ),
      ),
    ),
  );
}

export interface ReceiptPanel {
  el: HTMLElement;
  show(results: CoordinatorTypes.JobResults): Promise<void>;
}

export function receiptPanel(session: Session): ReceiptPanel {
  const body = h("div", { id: "receipt-body" }, loading("Waiting for the receipt…"));
  const el = card("Receipt", body, { id: "receipt-panel" });
  let shown = "";
  return {
    el,
    async show(results) {
      if (!results.receipt) {
        if (
          results.status !== "completed" &&
          !["queued", "assigned", "running"].includes(results.status)
        )
          fill(body, h("p", { class: "muted" }, "No receipt: only completed jobs have one."));
        return;
      }
      // Verify again only when there is more to check (settling adds the on-chain anchor).
      const key = `${results.receipt_hash}|${results.payment.status}`;
      if (key === shown) return;
      shown = key;
      try {
        const { node } = await verifyReceiptChecks(session, results);
        fill(body, node);
      } catch (err) {
        shown = "";
        fill(body, problemNotice(err));
      }
    },
  };
}

export async function verifyReceiptChecks(
  session: Session,
  results: CoordinatorTypes.JobResults,
): Promise<{ verified: boolean; node: HTMLElement }> {
  const receipt = results.receipt as Receipt;
  const keys = await session.client.coordinator.listKeys();
  const coordinatorKeys = keys.keys.map((k) => k.public_key);
  const verification = verifyReceipt(receipt, { coordinatorKeys });
  const checks: Check[] = verification.signatures.map((s) => ({
    label: `Signature by ${s.key_id}`,
    ok: s.valid && s.trusted !== false,
    detail: s.reason ?? (s.trusted ? "valid, key published at /v1/keys" : "valid"),
  }));
  for (const e of verification.errors.filter((e) => e.startsWith("receipt:")))
    checks.push({ label: e, ok: false });

  const hash = receiptHash(receipt);
  checks.push({
    label: "Receipt hash matches the coordinator's",
    ok: hash === results.receipt_hash,
    detail: shortHash(hash, 10),
  });
  if (results.payment.paid !== null)
    checks.push({
      label: "Amount paid equals the receipt's cost",
      ok: toMicro(results.payment.paid) === BigInt(receipt.cost),
      detail: aitbc(receipt.cost),
    });
  if (results.payment.status === "settled") {
    const escrow = await session.client.node
      .getEscrow({ path: { job_id: results.job_id } })
      .catch(() => null);
    checks.push({
      label: "Receipt hash anchored on the chain by the settlement",
      ok: escrow?.receipt_hash === hash,
      detail: escrow
        ? `escrow ${escrow.status} at block ${escrow.release_height ?? "—"}`
        : "escrow not found",
    });
  }
  const verified = verification.valid && checks.every((c) => c.ok);
  const node = h(
    "div",
    { id: "receipt-verification", "data-verified": String(verified) },
    verified
      ? h(
          "div",
          { class: "verdict verdict-ok" },
          badge("Verified", "ok"),
          " Signed by the provider's miner and the coordinator, checked in your browser.",
        )
      : h(
          "div",
          { class: "verdict verdict-bad" },
          badge("Not verified", "bad"),
          " Do not trust this result.",
        ),
    checkList(checks),
    definitionList([
      ["Receipt id", h("code", null, receipt.receipt_id)],
      ["Model", receipt.model],
      ["Metered", `${receipt.units} ${receipt.unit_type.replace("_", "-")}`],
      [
        "Unit price",
        h(
          "span",
          { id: "receipt-unit-price" },
          receipt.unit_type === "tokens"
            ? `${aitbc(receipt.unit_price)} per 1k output tokens` +
                (receipt.input_unit_price !== undefined
                  ? `, ${aitbc(receipt.input_unit_price)} per 1k input tokens`
                  : "")
            : `${aitbc(receipt.unit_price)} per hour`,
        ),
      ],
      ["Cost", h("strong", { id: "receipt-cost" }, aitbc(receipt.cost))],
      ["Ran", `${dateTime(receipt.started_at)} → ${dateTime(receipt.completed_at)}`],
      ["Chain", receipt.chain_id],
    ]),
    h(
      "details",
      { class: "raw" },
      h("summary", null, "Raw receipt (JSON)"),
      h("pre", null, JSON.stringify(receipt, null, 2)),
    ),
  );
  return { verified, node };
}
