import type { RequestHandler } from "express";

/** The web pages (:21000–:24000) call the APIs from the browser, so every API answers CORS. */
export const cors: RequestHandler = (req, res, next) => {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader(
    "Access-Control-Allow-Headers",
    "Content-Type, X-API-Key, Idempotency-Key, X-Request-Id",
  );
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  res.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
  if (req.method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  next();
};
