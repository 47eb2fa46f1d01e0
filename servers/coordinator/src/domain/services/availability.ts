// Availability windows. A provider's window is a pair of RFC 3339 instants; "available now" is
// computed from the real clock, never assumed.
import { ValidationFailed } from "@aitbc/server-lib";
import type { ServiceRecord } from "./service-store.js";

export interface AvailabilityInput {
  start_time: string;
  end_time: string;
  timezone?: string;
}

export function normalizeAvailability(
  a: AvailabilityInput | undefined,
  field = "body.availability",
): { availStart: string | null; availEnd: string | null; timezone: string | null } {
  if (!a) return { availStart: null, availEnd: null, timezone: null };
  const start = Date.parse(a.start_time);
  const end = Date.parse(a.end_time);
  if (Number.isNaN(start))
    throw ValidationFailed.field(`${field}.start_time`, "is not a date-time");
  if (Number.isNaN(end)) throw ValidationFailed.field(`${field}.end_time`, "is not a date-time");
  if (end <= start) throw ValidationFailed.field(`${field}.end_time`, "must be after start_time");
  if (a.timezone !== undefined && !isTimeZone(a.timezone))
    throw ValidationFailed.field(`${field}.timezone`, "is not an IANA time zone such as UTC");
  return {
    availStart: new Date(start).toISOString(),
    availEnd: new Date(end).toISOString(),
    timezone: a.timezone ?? "UTC",
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isAvailableAt(s: ServiceRecord, at: Date): boolean {
  if (s.status !== "active") return false;
  const t = at.toISOString();
  if (s.availStart && t < s.availStart) return false;
  if (s.availEnd && t > s.availEnd) return false;
  return true;
}
