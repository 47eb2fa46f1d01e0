// An API key in a URL is copied into access logs, proxy logs, Referer headers and browser
// history. Only WebSocket upgrades may carry one (a browser cannot set their headers); they never
// reach Express, so every request that does is refused here, before anything else looks at it.
import type { RequestHandler } from "express";
import { ValidationFailed } from "../errors.js";

const QUERY_KEY = /[?&]api_key(?:=|&|$)/i;

export const queryKeyGuard: RequestHandler = (req, _res, next) => {
  if (!QUERY_KEY.test(req.originalUrl)) return next();
  next(
    ValidationFailed.field(
      "query.api_key",
      "is accepted only on WebSocket upgrades; send the key in the X-API-Key header.",
    ),
  );
};
