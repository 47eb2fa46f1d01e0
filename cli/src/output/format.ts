// Formatting of the values commands print: money, times, hashes, states.
import { formatAitbc } from "@aitbc/sdk";

/** A wire amount (JSON number with at most 6 decimals) as text; the number is printed, never computed on. */
export function aitbc(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? "-" : `${amount} AITBC`;
}

/** A micro-AITBC string (receipts, chain payloads) as AITBC text. */
export function microAitbc(micro: string | null | undefined): string {
  return micro === null || micro === undefined ? "-" : `${formatAitbc(BigInt(micro))} AITBC`;
}

export function shortHash(hash: string | null | undefined, keep = 10): string {
  if (!hash) return "-";
  return hash.length > keep * 2 + 1 ? `${hash.slice(0, keep)}…${hash.slice(-6)}` : hash;
}

export function time(iso: string | null | undefined): string {
  return iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "Z") : "-";
}

const ICONS: Record<string, string> = {
  queued: "⏳",
  assigned: "📌",
  running: "⚙️ ",
  completed: "✅",
  failed: "❌",
  expired: "⌛",
  cancelled: "🚫",
  locked: "🔒",
  settled: "💸",
  refunded: "↩️ ",
};

export function state(status: string): string {
  return `${ICONS[status] ?? "•"} ${status}`;
}

export const FINAL_STATES = new Set(["completed", "failed", "expired", "cancelled"]);
