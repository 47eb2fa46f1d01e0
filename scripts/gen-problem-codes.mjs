// The SDK's ProblemCode union, from the table in spec/common/problem-codes.md: every `code` a
// server may send, with its HTTP status, and the `reason`s of a `tx_rejected`. Called by gen.mjs.

/** @param {string} markdown the problem-codes document @returns {string} the module's source */
export function problemCodesModule(markdown) {
  const rows = [...markdown.matchAll(/^\|\s*`([a-z_]+)`\s*\|\s*(\d{3})\s*\|(.*)\|\s*$/gm)];
  if (rows.length === 0) throw new Error("problem-codes.md: no `code` | status | meaning rows");
  const codes = new Map();
  for (const [, code, status] of rows) {
    if (codes.has(code)) throw new Error(`problem-codes.md: ${code} is listed twice`);
    codes.set(code, Number(status));
  }
  const txRow = rows.find(([, code]) => code === "tx_rejected");
  const reasons = txRow
    ? [...txRow[3].slice(txRow[3].indexOf("one of")).matchAll(/`([a-z_]+)`/g)].map((m) => m[1])
    : [];
  const lines = [
    "/** Every `code` an AITBC server sends in a problem+json body, with the HTTP status it comes with. */",
    "export const PROBLEM_CODES = {",
    ...[...codes].map(([code, status]) => `  ${code}: ${status},`),
    "} as const;",
    "",
    "/** A server's problem `code` (spec/common/problem-codes.md). */",
    "export type ProblemCode = keyof typeof PROBLEM_CODES;",
    "",
    "/** Why a chain node refused a transaction: the `reason` of a `tx_rejected` problem. */",
    "export const TX_REJECT_REASONS = [",
    ...reasons.map((r) => `  "${r}",`),
    "] as const;",
    "",
    "export type TxRejectReason = (typeof TX_REJECT_REASONS)[number];",
  ];
  return lines.join("\n") + "\n";
}
