// How amounts, hashes and times look on every page. Amounts go through the SDK's exact decimal
// helpers (bigint micro-AITBC), never float arithmetic.
import { Decimal, formatAitbc, parseMicro, toMicro } from "@aitbc/sdk";

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1234.5 (a wire Amount) or "1234500000" (micro) → "1,234.5". */
export function formatAmount(value: number | bigint | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const micro =
    typeof value === "bigint"
      ? value
      : typeof value === "string"
        ? parseMicro(value)
        : toMicro(Math.abs(value)) * (value < 0 ? -1n : 1n);
  const text = formatAitbc(micro);
  const [whole, frac] = text.replace(/^-/, "").split(".");
  return (text.startsWith("-") ? "-" : "") + group(whole!) + (frac ? "." + frac : "");
}

export function aitbc(value: number | bigint | string | null | undefined): string {
  return value === null || value === undefined ? "—" : `${formatAmount(value)} AITBC`;
}

export function formatInteger(n: number | bigint): string {
  return group(String(n));
}

/** Satoshis → BTC text with up to 8 decimals ("0.01"). */
export function btcFromSats(sats: number | bigint): string {
  const [whole, frac] = Decimal.fromAtomics(BigInt(sats), 8).toString().split(".");
  return group(whole!) + (frac ? "." + frac : "");
}

/** "0x1234abcd…9f8e" */
export function shortHash(hash: string | null | undefined, keep = 8): string {
  if (!hash) return "—";
  const prefix = hash.startsWith("0x") ? 2 : hash.startsWith("sha256:") ? 7 : 0;
  if (hash.length <= prefix + keep * 2 + 1) return hash;
  return `${hash.slice(0, prefix + keep)}…${hash.slice(-keep)}`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC")
    .replace(/Z$/, " UTC");
}

export function timeAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 0) return `in ${duration(-s * 1000)}`;
  if (s < 2) return "just now";
  return `${duration(s * 1000)} ago`;
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const hours = Math.floor(m / 60);
  if (hours < 48) return `${hours} h ${m % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function percent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? "—" : `${Math.round(fraction * 1000) / 10}%`;
}

const TYPE_LABELS: Record<string, string> = {
  gpu_compute: "GPU Computing",
  llm_inference: "LLM Inference",
  ml_training: "ML Training",
  rendering: "3D Rendering",
};

/** Service categories people pick from; other types registered through the API still show. */
export const KNOWN_SERVICE_TYPES = Object.keys(TYPE_LABELS);

export function serviceTypeLabel(type: string): string {
  return (
    TYPE_LABELS[type] ??
    type
      .split("_")
      .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
      .join(" ")
  );
}

export function stars(rating: number | null | undefined): string {
  if (rating === null || rating === undefined) return "☆☆☆☆☆";
  const full = Math.round(rating);
  return "★".repeat(full) + "☆".repeat(5 - full);
}
