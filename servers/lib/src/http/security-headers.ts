// No AITBC response may be framed (clickjacking of the pages, and of API responses a browser
// renders) or content-sniffed into something executable. Pages that need a fuller policy pass
// their own Content-Security-Policy, which must keep `frame-ancestors 'none'`.
import type { RequestHandler } from "express";

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The pages' policy: their own scripts and styles only; API calls go to other ports (and
 * WebSockets), so connect-src is open to http(s)/ws(s).
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http: https: ws: wss:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(
  contentSecurityPolicy = API_CONTENT_SECURITY_POLICY,
): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Content-Security-Policy", contentSecurityPolicy);
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  };
}
