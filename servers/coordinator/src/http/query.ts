// Query values as the contract validator left them. It coerces them to their schema types; with
// validation off (the validator benchmark's baseline) Express 5 hands them over as strings, so
// these read either into the types the routes need.

export function qString(v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  return String(v);
}

export function qInt(v: unknown, fallback: number): number {
  const s = qString(v);
  return s === undefined ? fallback : Number.parseInt(s, 10);
}

export function qNumber(v: unknown): number | undefined {
  const s = qString(v);
  return s === undefined ? undefined : Number(s);
}

export function qBool(v: unknown): boolean | undefined {
  if (v === undefined || v === "") return undefined;
  return v === true || v === "true" || v === "1";
}
