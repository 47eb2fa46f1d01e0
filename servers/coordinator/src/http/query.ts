// Query values as the validator left them (it checks them against the spec; Express 5 may hand
// them over as strings), read into the types the routes need.
import type { Request } from "express";

export function qString(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined || v === null || v === "") return undefined;
  return String(v);
}

export function qInt(req: Request, name: string, fallback: number): number {
  const v = qString(req, name);
  return v === undefined ? fallback : Number.parseInt(v, 10);
}

export function qNumber(req: Request, name: string): number | undefined {
  const v = qString(req, name);
  return v === undefined ? undefined : Number(v);
}

export function qBool(req: Request, name: string): boolean | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined || v === "") return undefined;
  return v === true || v === "true" || v === "1";
}

export function header(req: Request, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return typeof v === "string" && v ? v : undefined;
}

/** The path parameter as a string (Express 5 types allow arrays for wildcards). */
export function param(req: Request, name: string): string {
  return String((req.params as Record<string, unknown>)[name]);
}
