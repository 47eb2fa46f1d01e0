// The pages' headers: the shared page policy (its own scripts and styles, API calls anywhere,
// never framed), no sniffing, no referrer.
import type { RequestHandler } from "express";
import { PAGE_CONTENT_SECURITY_POLICY } from "@aitbc/server-lib";

export const CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY;

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  next();
};
